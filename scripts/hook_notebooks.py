"""MkDocs adapter for hands-on notebooks (see course_site.notebooks).

Settings (mkdocs.yml, all optional)::

    extra:
      notebooks:
        timeout: 120           # seconds one whole notebook may run
        colab_branch: notebooks  # branch where CI publishes executed .ipynb for Colab

Runs before mkdocs-jupyter: ``on_files`` executes (or takes from the cache)
every ``notebooks/<group>/<name>.py`` and adds the executed notebook as the
virtual page ``notebooks/<group>/<name>.ipynb``, which mkdocs-jupyter then
renders. ``on_page_content`` gives notebook headings the same Hangul ids as
Markdown pages and adds the download / Colab / seminar links.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from course_site.errors import CourseBuildError
from course_site.notebook_pages import (
    move_styles_to_shared_file,
    notebook_actions,
    notebook_backlinks,
    with_site_heading_ids,
    without_remote_scripts,
)
from course_site.notebooks import build_notebooks, colab_url

log = get_plugin_logger("notebooks")

_build: dict = {}


# Hooks ------------------------------------------------------------------------


def on_config(config):
    _build.clear()
    root = Path(config.config_file_path).parent
    settings = (config.extra or {}).get("notebooks") or {}
    _build.update(
        root=root,
        timeout=float(settings.get("timeout", 120)),
        colab_branch=str(settings.get("colab_branch", "notebooks")),
        pages={},
        backlinks={},
    )
    # mkdocs-jupyter keeps its HTML cache relative to the *working directory*
    # and deletes entries it did not use, so building another checkout from
    # here would empty this project's cache: anchor it next to mkdocs.yml.
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is not None:
        jupyter.config["cache_dir"] = str(root / ".cache" / "mkdocs-jupyter")


@event_priority(100)  # before mkdocs-jupyter's on_files, which must see the .ipynb files
def on_files(files, config):
    root = _build["root"]
    try:
        report = build_notebooks(
            root / "notebooks", root / "figures", root / ".cache" / "notebooks", timeout=_build["timeout"]
        )
    except CourseBuildError as error:
        raise PluginError(str(error)) from None
    if report.notebooks:
        log.info(report.summary())
    for uri, executed in report.notebooks.items():
        # A real File rooted in the cache entry rather than File.generated:
        # mkdocs-jupyter's wrapper finds the source through src_dir + src_uri.
        source_root = str(executed)[: -len(uri)]
        files.append(File(uri, source_root, config.site_dir, config.use_directory_urls))
        _build["pages"][uri] = executed
    docs = Path(config.docs_dir)
    _build["backlinks"] = notebook_backlinks(
        {page.src_uri: (docs / page.src_uri).read_text(encoding="utf-8") for page in files.documentation_pages()
         if page.src_uri.endswith(".md") and page.abs_src_path and Path(page.abs_src_path).is_relative_to(docs)},
        set(_build["pages"]),
    )
    return files


def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if uri not in _build["pages"]:
        return html
    html, toc = with_site_heading_ids(without_remote_scripts(html), config)
    page.toc = toc
    if config.repo_url and config.edit_uri:
        page.edit_url = source_edit_url(config.repo_url, config.edit_uri, uri)
    actions = notebook_actions(
        page_url=page.url,
        download_name=Path(uri).name,
        colab=colab_url(config.repo_url, _build["colab_branch"], uri) if config.repo_url else "",
        seminars=[(files.get_file_from_path(src).url, title) for src, title in _build["backlinks"].get(uri, [])],
    )
    # Right under the notebook's title.
    head, found, rest = html.partition("</h1>")
    return head + found + "\n" + actions + rest if found else actions + html


def on_post_page(output, page, config):
    if page.file.src_uri not in _build["pages"]:
        return output
    return move_styles_to_shared_file(output, page.url, Path(config.site_dir))


# Helper functions -------------------------------------------------------------


def source_edit_url(repo_url: str, edit_uri: str, notebook_uri: str) -> str:
    """'Edit this page' opens the text source notebooks/<name>.py, not the generated .ipynb."""
    branch_part = posixpath.dirname(edit_uri.strip("/"))  # "edit/main/docs" -> "edit/main"
    return f"{repo_url.rstrip('/')}/{branch_part}/{notebook_uri.removesuffix('.ipynb')}.py"
