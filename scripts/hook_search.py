"""MkDocs adapter for Korean search and the glossary (see course_site.korean_search, course_site.glossary).

- ``on_config`` sets the search plugin's ``separator`` and ``fields`` from
  code (korean_search.SEPARATOR, FIELDS): mkdocs.yml says only ``- search``.
- ``on_files`` reads docs/glossary.yml (not published itself) and adds the
  generated 용어집 page ``glossary.md``. When a page's Markdown changed since
  the last build (course_site.page_sources), it starts the analyser in its own
  process now, so that it loads while the pages are rendered
  (course_site.analyser_process), and ``on_page_content`` hands it the changed
  page's blocks of text as soon as the page is rendered.
- ``on_page_context`` fills that page with the terms and links to the
  sections that teach them, once every page is rendered (kept from the last
  build while the glossary and every page are unchanged:
  course_site.glossary_listing_cache).
- ``on_pre_build`` gives Material's search plugin an index that reuses the
  entries it made for a page in an earlier build while the page's HTML is the
  same (course_site.search_entry_cache): an unchanged page is not parsed again.
- ``on_post_build`` adds the site's vocabulary (stems, tails of compounds,
  glossary spellings) to the index Material wrote (search/search_index.json),
  from the analyser's work cached per block of text in ``.cache/search/`` next
  to mkdocs.yml (the finished index too, reused while Material's index and the
  glossary are the same: course_site.finished_index_cache), puts our worker
  script in front of Material's search worker and writes the index where the
  worker, not the page, reads it (course_site.search_worker). A strict build
  that has already logged a warning is never written, so it skips this work
  (strict_build.py).
- ``on_build_error`` stops the analyser process rather than wait for it.

State lives in ``_build``, reset in ``on_config`` at the start of each build.
"""

from __future__ import annotations

import functools
import json
import time
from pathlib import Path
from types import SimpleNamespace

from material.plugins.search.plugin import SearchIndex
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from course_site.analyser_process import analyser_process
from course_site.analysis_cache import AnalysisCache
from course_site.content_cache import SingleEntryFile
from course_site.errors import CourseBuildError
from course_site.glossary import Glossary, load_glossary
from course_site.finished_index_cache import FinishedIndexCache, finished_key
from course_site.glossary_listing_cache import listing_key, taught_by_page
from course_site.glossary_page import DATA_FILE as GLOSSARY_DATA, MARKDOWN, PAGE_URI, PLACEHOLDER, glossary_html_of_pages
from course_site.korean_analyser import kiwi_analyser
from course_site.korean_search import FIELDS, SEPARATOR, displayed, entry_texts
from course_site.page_sources import PageSources
from course_site.search_entry_cache import SearchEntryCache, page_key
from course_site.search_worker import MATERIAL_INDEX, install_search_worker, write_search_index
from course_site.vocabulary_counts import counts_version, vocabulary_index
from plugin_errors import reports_course_errors
from strict_build import strict_build_failed

log = get_plugin_logger("search")


_build: dict = {}


# Hooks ------------------------------------------------------------------------


@event_priority(100)  # before Material's search plugin reads its settings
@reports_course_errors
def on_config(config):
    _build.clear()
    _build.update(
        glossary=Glossary([]), glossary_text="", glossary_page=None, files=None, cache=None, entries=None,
        cache_dir=Path(config.config_file_path).parent / ".cache" / "search", sources=None, changed={},
        search_config=None,
    )
    search = search_plugin(config)
    if search is None or not search.config.enabled:
        return  # the 용어집 page is still made; only the index work is skipped
    config_name = Path(config.config_file_path).name
    set_by_hand = [name for name in ("separator", "fields") if search.config.get(name)]
    if set_by_hand:
        raise CourseBuildError(
            f"{config_name} 의 plugins → search 에 {', '.join(set_by_hand)} 가 있습니다. 한국어 검색 설정은 "
            "scripts/course_site/korean_search.py (SEPARATOR, FIELDS) 한 곳에서 정합니다.\n"
            f"  {config_name} 에서 그 줄을 지우고 '- search' 만 남기세요."
        )
    search.config.separator = SEPARATOR
    search.config.fields = {name: dict(spec) for name, spec in FIELDS.items()}
    cache_dir = _build["cache_dir"]
    _build["cache"] = AnalysisCache(
        cache_dir / "analysis.json",
        functools.partial(kiwi_analyser, cache_dir),
        functools.partial(early_analyser, cache_dir),
    )
    _build["entries"] = SearchEntryCache(cache_dir / "entries.json")
    _build["sources"] = PageSources(cache_dir / "sources.json")


# Material's on_config has made its SearchIndex by now; ours replaces it before any page is indexed.
@reports_course_errors
def on_pre_build(config):
    search = search_plugin(config)
    if _build.get("entries") is None or type(getattr(search, "search_index", None)) is not SearchIndex:
        return  # no search, or not the index this cache was made for: Material indexes as it likes
    search.search_index = CachedSearchIndex(_build["entries"], _build["cache"], **search.config)
    _build["search_config"] = search.config


@reports_course_errors
def on_files(files, config):
    # A course without docs/glossary.yml still has the page mkdocs.yml's nav
    # names; it says the glossary is empty.
    data = files.get_file_from_path(GLOSSARY_DATA)
    if data is not None:
        files.remove(data)  # the data is not a page of its own
        shown_as = f"{Path(config.docs_dir).name}/{GLOSSARY_DATA}"
        _build["glossary"] = load_glossary(Path(data.abs_src_path), shown_as)
        _build["glossary_text"] = Path(data.abs_src_path).read_text(encoding="utf-8")
    # Not in the nav by itself (no omitted-file warning); mkdocs.yml's nav places it.
    page = File.generated(config, PAGE_URI, content=MARKDOWN, inclusion=InclusionLevel.NOT_IN_NAV)
    files.append(page)
    _build.update(glossary_page=page, files=files)
    if _build["sources"] is not None:
        sources = {file.src_uri: file.content_string for file in files.documentation_pages()}
        _build["changed"] = _build["sources"].changed(sources)
        _build["cache"].prepare(list(_build["changed"].values()))
    return files


# Last, when every hook has changed the page's HTML: what Material's search will index.
@event_priority(-100)
@reports_course_errors
def on_page_content(html, page, config, files):
    if page.file.src_uri in _build.get("changed", {}) and _build.get("search_config") is not None:
        _build["cache"].prefetch(entry_texts(early_entries(page, html, _build["search_config"])))
    return html


# Before Material's search plugin indexes the page in its own on_page_context.
@event_priority(100)
def on_page_context(context, page, config, nav):
    if not _build.get("glossary_page") or page.file is not _build["glossary_page"]:
        return context
    # Every page is rendered before any page context is built, so all content is here.
    pages = []
    for file in _build["files"].documentation_pages():
        other = file.page
        if other is None or other is page or not other.content:
            continue
        pages.append((other.url, other.title or "", other.content))
    cache = SingleEntryFile(_build["cache_dir"] / "glossary.json")
    key = listing_key(_build["glossary_text"], page.url, pages)
    kept = cache.get(key)
    if kept:
        listing = kept[0]
    else:
        glossary = _build["glossary"]
        kept_per_page = _build["cache_dir"] / "glossary_pages.json"
        taught = taught_by_page(glossary, _build["glossary_text"], pages, kept_per_page)
        listing = glossary_html_of_pages(glossary, taught, lambda url: get_relative_url(url, page.url))
        cache.put(key, listing)
    page.content = page.content.replace(PLACEHOLDER, listing)
    return context


# Runs after Material's search plugin has written search/search_index.json.
@event_priority(-100)
@reports_course_errors
def on_post_build(config):
    if not _build.get("cache"):
        return
    if strict_build_failed(config):
        # MkDocs stops this build next: the warning above is read now, not
        # after the changed pages are analysed. Nothing is saved, so the next
        # build still knows which pages changed since the last good one.
        _build["cache"].abandon()
        log.info("앞의 경고로 이 빌드는 실패합니다: 한국어 검색 색인은 만들지 않았습니다.")
        return
    started = time.perf_counter()
    path = Path(config.site_dir) / MATERIAL_INDEX
    raw = path.read_text(encoding="utf-8")
    finished = FinishedIndexCache(_build["cache_dir"] / "finished_index.json")
    key = finished_key(raw, _build["glossary"].spellings(), _build["cache"].version)
    kept = finished.get(key)
    if kept:
        text, report = kept
    else:
        forget_pages(_build["files"])
        index = json.loads(raw)
        analyses = _build["cache"]
        counts = SingleEntryFile(_build["cache_dir"] / "vocabulary.json")
        version = counts_version(analyses.version)
        report = vocabulary_index(index, analyses.analyses, analyses.by_key, _build["glossary"], counts, version)
        # Hangul as UTF-8 rather than \uXXXX escapes: half the bytes on the wire.
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        report.size_before, report.size_after = len(raw.encode("utf-8")), len(text.encode("utf-8"))
    install_search_worker(Path(config.site_dir))
    write_search_index(Path(config.site_dir), text)
    report.seconds = time.perf_counter() - started
    if not kept:
        finished.put(key, text, report)
    log.info(report.summary())
    entries = _build["entries"]
    entries.save()
    _build["sources"].save()
    log.debug(f"search entries: {entries.hits} pages from the cache, {entries.misses} parsed")


def on_build_error(error):
    # Otherwise this process, at exit, would wait for the analyser started
    # for the edited pages to finish work that nobody will read.
    if _build.get("cache"):
        _build["cache"].abandon()


# Helper functions -------------------------------------------------------------


class CachedSearchIndex(SearchIndex):
    """Material's index, taking a page's entries from the cache when its HTML and settings are unchanged."""

    def __init__(self, cache: SearchEntryCache, analyses: AnalysisCache, **config):
        super().__init__(**config)
        self.cache = cache
        self.analyses = analyses

    def add_entry_from_context(self, page):
        settings = {name: page.meta.get(name) for name in ("title", "tags", "search")}
        key = page_key(page.url, str(page.title), settings, page.content)
        cached = self.cache.entries(key)
        if cached is not None:
            self.entries += cached
            return
        start = len(self.entries)
        super().add_entry_from_context(page)
        self.cache.store(key, self.entries[start:])
        # A changed page: its new text is analysed on the other core while the rest is rendered.
        self.analyses.prefetch([displayed(text) for text in entry_texts(self.entries[start:])])


def early_entries(page, html: str, search_config) -> list[dict]:
    """The search entries Material will make of ``page`` if its HTML stays ``html`` (made now, thrown away)."""
    scratch = SearchIndex(**search_config)
    rendered = SimpleNamespace(content=html, toc=page.toc, url=page.url, title=page.title, meta=page.meta)
    scratch.add_entry_from_context(rendered)
    return [
        {name: displayed(entry[name]) for name in ("title", "text") if entry.get(name)} for entry in scratch.entries
    ]


def forget_pages(files) -> None:
    """Let go of every page's Markdown and HTML, written to the site by now, before the analyser needs memory.

    This hook's on_post_build is the last event to run; MkDocs would hold them
    until the build returns (a 500-page site: about 150 MiB of text while the
    analyser holds 500 MiB).
    """
    for file in files.documentation_pages() if files is not None else ():
        if file.page is not None:
            file.page.markdown = file.page.content = None


def early_analyser(cache_dir: Path):
    """The analyser process, unless this process has loaded the analyser already (``mkdocs serve``)."""
    return None if kiwi_analyser.cache_info().currsize else analyser_process(cache_dir)


def search_plugin(config):
    """Material's search plugin instance, or None when the site has no search."""
    for name in ("material/search", "search"):
        if name in config.plugins:
            return config.plugins[name]
    return None
