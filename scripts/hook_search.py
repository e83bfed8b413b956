"""MkDocs adapter for the morpheme-aware Korean search index (see course_site.korean_search).

Settings: the ``search`` plugin's ``separator`` and ``fields`` in mkdocs.yml
must be the ones korean_search expects; ``on_config`` checks them and says
what to write. Segmentations are cached per page in ``.cache/search/`` next to
mkdocs.yml, so a build where no page changed never loads kiwipiepy.

MkDocs keeps this module loaded across rebuilds of ``mkdocs serve``, so the
only state is ``_build``, replaced in ``on_config`` at the start of each build.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

from course_site.errors import CourseBuildError
from course_site.korean_search import check_search_settings, kiwi_analyser, segment_search_index

log = get_plugin_logger("search")

_build: dict = {}


# Hooks ------------------------------------------------------------------------


def on_config(config):
    _build.clear()
    search = search_plugin(config)
    if search is None or not search.config.enabled:
        return
    try:
        check_search_settings(
            search.config.separator, search.config.fields, Path(config.config_file_path).name
        )
    except CourseBuildError as error:
        raise PluginError(str(error)) from None
    _build.update(cache_dir=Path(config.config_file_path).parent / ".cache" / "search")


# Runs after Material's search plugin has written search/search_index.json.
@event_priority(-100)
def on_post_build(config):
    if not _build:
        return
    path = Path(config.site_dir) / "search" / "search_index.json"
    raw = path.read_text(encoding="utf-8")
    index = json.loads(raw)
    try:
        report = segment_search_index(index, _build["cache_dir"], kiwi_analyser)
    except CourseBuildError as error:
        raise PluginError(str(error)) from None
    # Hangul as UTF-8 rather than \uXXXX escapes: half the bytes on the wire.
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(text, encoding="utf-8")
    report.size_before, report.size_after = len(raw.encode("utf-8")), len(text.encode("utf-8"))
    log.info(report.summary())


# Helper functions -------------------------------------------------------------


def search_plugin(config):
    """Material's search plugin instance, or None when the site has no search."""
    for name in ("material/search", "search"):
        if name in config.plugins:
            return config.plugins[name]
    return None
