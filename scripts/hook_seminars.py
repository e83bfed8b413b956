"""MkDocs adapter for seminar metadata (see course_site.seminars).

- on_files: validates the front matter of every seminar page (one error for all)
  and adds the Atom feed ``feed.xml`` of all seminars.
- on_page_markdown: replaces ``<!-- seminar-schedule -->`` (all seminars) or
  ``<!-- seminar-schedule term=2nd_term -->`` with a schedule table.
- on_page_content: puts the date/presenters/term/tags/reading-time header
  under a seminar's title, and its summary into the page's meta description.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from course_site.errors import CourseBuildError
from course_site.feed import atom_feed
from course_site.seminars import CourseConfig, korean_date, load_seminars, reading_minutes, schedule_table

_build: dict = {}

_SCHEDULE = re.compile(r"<!--\s*seminar-schedule(?:\s+term=(\S+))?\s*-->")


# Hooks ------------------------------------------------------------------------


def on_config(config):
    _build.clear()
    try:
        _build["course"] = CourseConfig.from_extra(config.extra)
    except CourseBuildError as error:
        raise PluginError(str(error)) from None


def on_files(files, config):
    pages = [file.src_uri for file in files.documentation_pages()]
    try:
        seminars = load_seminars(Path(config.docs_dir), pages, _build["course"])
    except CourseBuildError as error:
        raise PluginError(str(error)) from None
    _build["seminars"] = seminars
    _build["by_page"] = {seminar.src_uri: seminar for seminar in seminars}
    if not config.site_url:
        raise PluginError("mkdocs.yml: site_url 이 없어 세미나 피드(feed.xml)를 만들 수 없습니다. 배포 주소를 적으세요.")
    urls = {seminar.src_uri: files.get_file_from_path(seminar.src_uri).url for seminar in seminars}
    feed = atom_feed(seminars, config.site_url, config.site_name, urls)
    files.append(File.generated(config, "feed.xml", content=feed))
    return files


def on_page_markdown(markdown, page, config, files):
    def table(match: re.Match) -> str:
        term = match.group(1)
        if term and term not in _build["course"].terms:
            raise PluginError(
                f"docs/{page.file.src_uri}: seminar-schedule 의 term='{term}' 은(는) 설정된 학기가 아닙니다. "
                f"가능한 값: {', '.join(_build['course'].terms)}"
            )
        return schedule_table(_build["seminars"], page.file.src_uri, term)

    return _SCHEDULE.sub(table, markdown)


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
