"""The theme's templates compiled once and kept (course_site.template_cache)."""

from __future__ import annotations

import os
import time

import jinja2
import pytest

from course_site.template_cache import cache_compiled_templates

TEMPLATES = {
    "base.html": "<title>{% block title %}{{ site_name }}{% endblock %}</title>\n{% include 'partials/nav.html' %}\n",
    "partials/nav.html": "<nav>{% for page in pages %}<a href=\"{{ page.url }}\">{{ page.title }}</a>{% endfor %}</nav>\n",
    "main.html": "{% extends 'base.html' %}\n{% block title %}{{ title }} - {{ super() }}{% endblock %}\n",
}
CONTEXT = {"site_name": "세미나", "title": "데이터로 무엇을 할까", "pages": [{"url": "a/", "title": "가"}]}


@pytest.fixture
def themes(tmp_path):
    folder = tmp_path / "theme"
    for name, text in TEMPLATES.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def environment(themes, **settings) -> jinja2.Environment:
    """A new environment, as every MkDocs build (a new process) makes one."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(themes)), auto_reload=False, **settings)


def render(env: jinja2.Environment) -> str:
    return env.get_template("main.html").render(CONTEXT)


def build(themes, folder, **settings):
    """One build's rendering with the cache in ``folder``: (the page, the cache)."""
    env = environment(themes, **settings)
    cache = cache_compiled_templates(env, folder)
    return render(env), cache


def test_templates_compiled_in_one_build_are_loaded_not_compiled_in_the_next(themes, tmp_path, monkeypatch):
    expected = render(environment(themes))
    first = environment(themes)
    made = cache_compiled_templates(first, tmp_path / "cache")
    assert render(first) == expected and made.compiled == 3

    def refuse(self, *args, **kwargs):
        raise AssertionError("a template was compiled")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)
    second = environment(themes)
    reused = cache_compiled_templates(second, tmp_path / "cache")
    assert render(second) == expected and reused.compiled == 0


def test_an_edited_template_is_compiled_again(themes, tmp_path):
    build(themes, tmp_path / "cache")
    (themes / "partials" / "nav.html").write_text("<nav class=\"new\"></nav>\n", encoding="utf-8")
    page, cache = build(themes, tmp_path / "cache")
    assert '<nav class="new"></nav>' in page
    assert cache.compiled == 1


def test_environments_that_compile_differently_never_share_compiled_code(themes, tmp_path):
    build(themes, tmp_path / "cache")
    page, cache = build(themes, tmp_path / "cache", trim_blocks=True, lstrip_blocks=True)
    assert page == render(environment(themes, trim_blocks=True, lstrip_blocks=True))
    assert cache.compiled == 3


def test_a_damaged_entry_is_compiled_again(themes, tmp_path):
    expected, _ = build(themes, tmp_path / "cache")
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(entry.read_bytes()[:40])  # cut short, as by a crash
    page, cache = build(themes, tmp_path / "cache")
    assert page == expected and cache.compiled == 3


def test_compiled_templates_no_build_used_for_a_week_are_removed(themes, tmp_path):
    build(themes, tmp_path / "cache")
    week_ago = time.time() - 8 * 86400
    for entry in (tmp_path / "cache").iterdir():
        os.utime(entry, (week_ago, week_ago))
    second = environment(themes)
    cache = cache_compiled_templates(second, tmp_path / "cache")
    second.get_template("partials/nav.html").render(CONTEXT)
    assert cache.prune() == 2  # base.html and main.html: this build did not load them
    assert len(list((tmp_path / "cache").iterdir())) == 1
