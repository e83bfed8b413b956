"""MkDocs adapter: published page URLs and heading anchors keep working (see course_site.published_links).

- on_files: every page's ``redirect_from`` becomes a forwarding page at the old URL.
- on_page_content (last): ``anchor_aliases`` put old heading ids back.
- on_post_page (last): every page's URL and heading ids are collected.
- on_post_build: anything in published-links.txt the site lost is a warning
  (fatal under --strict). With COURSE_SITE_UPDATE_LINKS=1 (what
  ``scripts/published_links.py --update`` sets) the file is rewritten instead.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from course_site.errors import CourseBuildError
from course_site.page_source import read_page
from course_site.published_links import (
    SNAPSHOT_NAME,
    UPDATE_ENV,
    SiteLinks,
    kept_addresses,
    lost_links,
    read_snapshot,
    redirect_page,
    with_anchor_aliases,
    write_snapshot,
)
from plugin_errors import reports_course_errors


log = get_plugin_logger("links")

_build: dict = {}


def on_config(config):
    _build.clear()
    _build.update(
        snapshot=Path(config.config_file_path).parent / SNAPSHOT_NAME,
        links=SiteLinks(),
        aliases={},
        update=os.environ.get(UPDATE_ENV) == "1",
    )


@event_priority(-100)  # after the other hooks have added their pages
@reports_course_errors
def on_files(files, config):
    docs = Path(config.docs_dir)
    problems = []
    for file in files.documentation_pages():
        if not (file.src_uri.endswith(".md") and file.abs_src_path and Path(file.abs_src_path).is_relative_to(docs)):
            continue
        try:
            page = read_page(Path(file.abs_src_path), f"docs/{file.src_uri}")
        except CourseBuildError:
            continue  # the seminar hook has reported it already
        redirects, aliases, errors = kept_addresses(page.meta, page.display, page.line_of)
        problems.extend(errors)
        _build["aliases"][file.src_uri] = (aliases, page.display)
        for old in redirects:
            if files.get_file_from_path(old + "index.html") or any(f.url == old for f in files.documentation_pages()):
                problems.append(f"{page.display}:{page.line_of('redirect_from')}: redirect_from 의 '{old}' 에는 지금 다른 "
                                "페이지가 있습니다. 옛 주소가 맞는지 확인하세요.")
                continue
            title = str(page.meta.get("title") or file.url)
            files.append(File.generated(config, old + "index.html", content=redirect_page(old, file.url, title)))
            _build["links"].redirects[old] = file.url
    if problems:
        raise CourseBuildError("옛 주소 설정에 문제가 있습니다:\n  " + "\n  ".join(problems))
    return files


@event_priority(-100)  # last: headings have their final ids (notebook pages are rewritten earlier)
def on_page_content(html, page, config, files):
    aliases, display = _build["aliases"].get(page.file.src_uri, ({}, ""))
    if not aliases:
        return html
    html, problems = with_anchor_aliases(html, aliases, display)
    for problem in problems:
        log.warning(problem)
    return html


@event_priority(-100)  # the finished page: the tags plugin fills its headings in late
def on_post_page(output, page, config):
    start, end = output.find("<article"), output.rfind("</article>")
    _build["links"].add_page(page.url, output[start:end] if 0 <= start < end else output)
    return output


def on_post_build(config):
    snapshot: Path = _build["snapshot"]
    if _build["update"]:
        snapshot.write_text(write_snapshot(_build["links"]), encoding="utf-8")
        log.info(f"{SNAPSHOT_NAME} 을(를) 새로 썼습니다.")
        return
    if not snapshot.is_file():
        return
    for message in lost_links(read_snapshot(snapshot.read_text(encoding="utf-8")), _build["links"]):
        log.warning(message)
