"""MkDocs adapter for hands-on notebooks (see course_site.notebooks and course_site.notebook_pages).

Settings (mkdocs.yml, all optional)::

    extra:
      notebooks:
        timeout: 120           # seconds one whole notebook may run
        colab_branch: notebooks  # branch where CI publishes executed .ipynb for Colab
        memory_mb: 2048        # memory the notebook's kernel may use
        cpu_seconds: 300       # CPU time one whole notebook may use
        output_kb: 8192        # most output one cell may produce

``on_files`` executes (or takes from the cache) every
``notebooks/<group>/<name>.py`` and adds, for each, the page
``notebooks/<group>/<name>.ipynb`` (Markdown made from the executed notebook,
rendered by MkDocs like any page), the executed ``.ipynb`` to download and
the plots' light and dark SVG files beside the page. ``on_page_content`` puts
the outputs in and adds the download / Colab / seminar links;
``on_post_page`` adds the notebook stylesheet (overrides/notebook.css).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File

from course_site.extra_settings import kilobytes, megabytes, read_settings, seconds, text
from course_site.page_source import read_page
from course_site.notebook_pages import (
    notebook_actions,
    notebook_backlinks,
    notebook_markdown,
    placed_figure,
    with_fragments,
    without_scripts,
)
from course_site.notebooks import build_notebooks, colab_url, read_executed, read_figures
from course_site.sandbox import NOTEBOOK_LIMITS, Limits
from plugin_errors import reports_course_errors

log = get_plugin_logger("notebooks")

_build: dict = {}

SETTINGS = {
    "timeout": seconds(120),
    "colab_branch": text("notebooks"),
    "memory_mb": megabytes(NOTEBOOK_LIMITS.memory_mb),
    "cpu_seconds": seconds(NOTEBOOK_LIMITS.cpu_seconds),
    "output_kb": kilobytes(NOTEBOOK_LIMITS.output_kb),
}


class NotebookPageFile(File):
    """An executed notebook registered as a page (MkDocs makes pages of .md only)."""

    def is_documentation_page(self) -> bool:
        return True


# Hooks ------------------------------------------------------------------------


@reports_course_errors
def on_config(config):
    _build.clear()
    root = Path(config.config_file_path).parent
    settings = read_settings(config.extra, "notebooks", SETTINGS)
    _build.update(
        root=root,
        timeout=settings["timeout"],
        colab_branch=settings["colab_branch"],
        limits=Limits(settings["memory_mb"], settings["cpu_seconds"], settings["output_kb"], section="notebooks"),
        stylesheet=(root / "overrides" / "notebook.css").read_text(encoding="utf-8"),
        pages={},  # site uri -> {"download": site path of the .ipynb, "fragments": [...]}
        backlinks={},
    )


@event_priority(100)  # early: other hooks' on_files see the notebook pages
@reports_course_errors
def on_files(files, config):
    root = _build["root"]
    report = build_notebooks(
        root / "notebooks", root / "figures", root / ".cache" / "notebooks", timeout=_build["timeout"],
        limits=_build["limits"],
    )
    if report.notebooks:
        log.info(report.summary())
    for uri, executed in report.notebooks.items():
        add_notebook_page(files, config, uri, executed)
    docs = Path(config.docs_dir)
    _build["backlinks"] = notebook_backlinks(
        {page.src_uri: read_page(Path(page.abs_src_path), f"docs/{page.src_uri}") for page in files.documentation_pages()
         if page.src_uri.endswith(".md") and page.abs_src_path and Path(page.abs_src_path).is_relative_to(docs)},
        set(_build["pages"]),
    )
    return files


def on_page_content(html, page, config, files):
    uri = page.file.src_uri
    if uri not in _build["pages"]:
        return html
    built = _build["pages"][uri]
    html = without_scripts(with_fragments(html, built["fragments"]))
    if config.repo_url and config.edit_uri:
        page.edit_url = source_edit_url(config.repo_url, config.edit_uri, uri)
    actions = notebook_actions(
        page_url=page.url,
        download_href=relative_to_page(built["download"], page.url),
        colab=colab_url(config.repo_url, _build["colab_branch"], uri) if config.repo_url else "",
        seminars=[(files.get_file_from_path(src).url, title) for src, title in _build["backlinks"].get(uri, [])],
    )
    # Right under the notebook's title.
    head, found, rest = html.partition("</h1>")
    return head + found + "\n" + actions + rest if found else actions + html


def on_post_page(output, page, config):
    if page.file.src_uri not in _build["pages"]:
        return output
    # In <head>, after Material's stylesheets: a few KB inline cost no request.
    return output.replace("</head>", f"<style>{_build['stylesheet']}</style>\n</head>", 1)


# Helper functions -------------------------------------------------------------


def add_notebook_page(files, config, uri: str, executed: Path) -> None:
    """The page, its downloadable .ipynb and its plots' SVG files."""
    # Plain JSON, not nbformat.read: no nbformat import on a build where no notebook changed.
    notebook = read_executed(executed)
    page_file = NotebookPageFile.generated(config, uri, content="")  # content set below
    folder = posixpath.splitext(uri)[0]  # notebooks/g/name: beside the page's index.html
    name = posixpath.basename(folder)
    placed = {}
    for number, figure in enumerate(read_figures(executed), start=1):
        light_uri, dark_uri = f"{folder}/{name}-{number}.svg", f"{folder}/{name}-{number}.dark.svg"
        if figure.light:
            files.append(File.generated(config, light_uri, content=figure.light))
            files.append(File.generated(config, dark_uri, content=figure.dark))
        output = notebook["cells"][figure.cell]["outputs"][figure.output]
        placed[(figure.cell, figure.output)] = placed_figure(
            figure, output, relative_to_page(light_uri, page_file.url), relative_to_page(dark_uri, page_file.url)
        )
    markdown, fragments = notebook_markdown(notebook, placed)
    page_file.content_string = markdown
    files.append(page_file)
    download = f"{folder}/{name}.ipynb"
    files.append(File.generated(config, download, abs_src_path=str(executed)))
    _build["pages"][uri] = {"download": download, "fragments": fragments}


def relative_to_page(site_path: str, page_url: str) -> str:
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    return posixpath.relpath(site_path, base or ".")


def source_edit_url(repo_url: str, edit_uri: str, notebook_uri: str) -> str:
    """'Edit this page' opens the text source notebooks/<name>.py, not the generated .ipynb."""
    branch_part = posixpath.dirname(edit_uri.strip("/"))  # "edit/main/docs" -> "edit/main"
    return f"{repo_url.rstrip('/')}/{branch_part}/{notebook_uri.removesuffix('.ipynb')}.py"
