"""Where the report sends a reviewer to read a figure script's change."""

from __future__ import annotations

from course_site.figure_review.compare import FigureResult, Status
from course_site.figure_review.report import ScriptLinks
from course_site.figure_review.review import repo_url

BASE = "0123456789abcdef0123456789abcdef01234567"


def test_without_a_pull_request_a_changed_script_links_to_its_version_in_the_base_revision():
    links = ScriptLinks(repo_url="https://github.com/example/course/", base_commit=BASE)
    href, text = links.href(FigureResult("demo/x", Status.CHANGED, ()))
    assert href == f"https://github.com/example/course/blob/{BASE}/figures/demo/x.py"
    assert "기준 리비전" in text


def test_a_new_script_has_no_link_without_a_pull_request_since_the_base_never_had_it():
    links = ScriptLinks(repo_url="https://github.com/example/course", base_commit=BASE)
    assert links.href(FigureResult("demo/x", Status.ADDED, ())) is None
    assert ScriptLinks().href(FigureResult("demo/x", Status.CHANGED, ())) is None


def test_repo_url_is_read_from_a_mkdocs_config_with_python_tags(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: 연습\nrepo_url: https://github.com/example/course\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "extra:\n  token: !ENV [NOTHING, '']\n",
        encoding="utf-8",
    )
    assert repo_url(config) == "https://github.com/example/course"
    config.write_text("site_name: 연습\n", encoding="utf-8")
    assert repo_url(config) is None
    assert repo_url(tmp_path / "missing.yml") is None
