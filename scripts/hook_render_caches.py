"""MkDocs adapter: rendering work a build in which nothing changed does not redo.

Two caches (see tools/benchmark-results/2026-11-26n.md for what each saves):

- on_config puts ``pymdownx.highlight`` with the same settings but a cache of
  coloured code blocks in the place of the configured one
  (course_site.highlight_cache, ``.cache/highlight``): a notebook's code cells
  went through Pygments on every build.
- on_env gives Jinja a cache of the theme's compiled templates
  (course_site.template_cache, ``.cache/templates``).
- on_post_build saves the one and prunes the other.

Every page is written byte for byte as a build with empty caches writes it
(tests/notebooks/test_warm_build.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from course_site.highlight_cache import HighlightCache, with_highlight_cache
from course_site.template_cache import cache_compiled_templates

log = get_plugin_logger("render_caches")

# This build's caches; replaced in on_config at the start of every build (mkdocs serve too).
_build: dict = {}


def on_config(config):
    _build.clear()
    _build["folder"] = Path(config.config_file_path).parent / ".cache"
    _build["highlight"] = HighlightCache(_build["folder"] / "highlight" / "blocks.json")
    config.markdown_extensions = with_highlight_cache(
        config.markdown_extensions, config.mdx_configs, _build["highlight"]
    )


def on_env(env, config, files):
    _build["templates"] = cache_compiled_templates(env, _build["folder"] / "templates")
    return env


def on_post_build(config):
    highlight, templates = _build["highlight"], _build["templates"]
    highlight.save()
    templates.prune()
    log.debug(
        f"code blocks: {highlight.made} coloured by Pygments, {highlight.reused} from the cache; "
        f"templates compiled: {templates.compiled}"
    )
