"""MkDocs adapter for the course structure (see course_site.seminars and course_site.course_nav).

- on_files (first of all hooks): reads every page once, validates every
  seminar and the rules across pages (one error for all), reports
  unfinished or silently broken text (course_site.page_checks: an error
  under --strict, a warning in a preview; kept per unchanged page in
  .cache/pages/, course_site.page_check_cache), makes the pages of terms nobody
  wrote, builds the navigation from the pages on disk and adds the Atom
  feed ``feed.xml``.
- on_page_markdown: replaces ``<!-- seminar-schedule -->`` with a schedule.
- on_page_content: puts the date/presenters/term/tags/reading-time header
  under a seminar's title, and its summary into the page's meta description.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from course_site.course_nav import course_nav, expand_schedules, term_index_page
from course_site.errors import CourseBuildError
from course_site.feed import atom_feed
from course_site.notebook_links import linked_notebooks, notebook_page_uris
from course_site.page_check_cache import PageCheckCache
from course_site.page_checks import check_page
from course_site.seminars import CourseConfig, korean_date, load_course, reading_minutes
from plugin_errors import reports_course_errors

log = get_plugin_logger("seminars")

_build: dict = {}


# Hooks ------------------------------------------------------------------------


@reports_course_errors
def on_config(config):
    _build.clear()
    _build["config"] = CourseConfig.from_extra(config.extra)


@event_priority(110)  # before the notebook hook runs notebooks: a bad page fails fast
@reports_course_errors
def on_files(files, config):
    docs = Path(config.docs_dir)
    root = Path(config.config_file_path).parent
    written = [f.src_uri for f in files.documentation_pages() if f.abs_src_path and Path(f.abs_src_path).is_relative_to(docs)]
    course, pages = load_course(docs, written, _build["config"])
    notebooks = notebook_page_uris(root / "notebooks")
    notebooks_of = {uri: linked_notebooks(uri, page.body, notebooks) for uri, page in pages.items()}
    unlinked = sorted(set(notebooks) - {nb for found in notebooks_of.values() for nb in found})
    if unlinked:
        raise CourseBuildError(
            "어느 세미나에서도 링크하지 않은 노트북이 있습니다:\n  "
            + "\n  ".join(f"{uri.removesuffix('.ipynb')}.py" for uri in unlinked)
            + "\n  노트북은 그것을 쓰는 세미나 글에서 링크하면 목차에서 그 세미나 뒤에 놓입니다. "
            "예: [실습: 지도학습](../notebooks/seminar04/supervised_learning.ipynb)"
        )
    config.nav = course_nav(config.nav or ["index.md"], course, notebooks_of)
    checks = PageCheckCache(root / ".cache" / "pages" / "checks.json")
    findings = [finding for page in pages.values() for finding in checks.findings(page, check_page)]
    checks.save()
    if findings and config.strict:
        # The strict build refuses them anyway: say so now, all at once, before
        # spending a minute on figures, notebooks and pages.
        raise CourseBuildError("아직 공개할 수 없는 곳이 있습니다:\n  " + "\n  ".join(findings))
    for finding in findings:
        log.warning(finding)  # `mkdocs serve` still shows the page being written
    for term in course.terms:
        if files.get_file_from_path(f"{term.folder}/index.md") is None:
            files.append(File.generated(config, f"{term.folder}/index.md", content=term_index_page(term)))
    _build.update(course=course, by_page=course.by_page())

    if not config.site_url:
        raise CourseBuildError("mkdocs.yml: site_url 이 없어 세미나 피드(feed.xml)를 만들 수 없습니다. 배포 주소를 적으세요.")
    urls = {seminar.src_uri: files.get_file_from_path(seminar.src_uri).url for seminar in course.seminars}
    newest_first = sorted(course.seminars, key=lambda s: (s.date, s.number), reverse=True)
    files.append(File.generated(config, "feed.xml", content=atom_feed(newest_first, config.site_url, config.site_name, urls)))
    return files


@reports_course_errors
def on_page_markdown(markdown, page, config, files):
    return expand_schedules(markdown, page.file.src_uri, _build["course"], f"docs/{page.file.src_uri}")


def on_page_content(html_text, page, config, files):
    seminar = _build["by_page"].get(page.file.src_uri)
    if seminar is None:
        return html_text
    if seminar.summary and not page.meta.get("description"):
        page.meta["description"] = seminar.summary
    header = seminar_header(seminar, reading_minutes(re.sub(r"<[^>]+>", " ", html_text)))
    # Right under the page title; a page without an h1 gets it on top.
    head, found, rest = html_text.partition("</h1>")
    return head + found + header + rest if found else header + html_text


# Helper functions -------------------------------------------------------------


def seminar_header(seminar, minutes: int) -> str:
    items = [
        ("날짜", f'<time datetime="{seminar.date.isoformat()}">{korean_date(seminar.date)}</time>'),
        ("발표", html.escape(", ".join(seminar.presenters))),
        ("학기", html.escape(seminar.term.title)),
        ("읽는 시간", f"약 {minutes}분"),
    ]
    if seminar.tags:
        items.append(("태그", html.escape(", ".join(seminar.tags))))
    for key, label in (("slides", "발표 자료"), ("recording", "녹화 영상")):
        url = getattr(seminar, key)
        if url:
            items.append((label, f'<a href="{html.escape(url)}">열기</a>'))
    body = "\n".join(
        f'<div class="seminar-meta__item"><dt>{label}</dt><dd>{value}</dd></div>' for label, value in items
    )
    return f'\n<dl class="seminar-meta" aria-label="세미나 정보">\n{body}\n</dl>\n'
