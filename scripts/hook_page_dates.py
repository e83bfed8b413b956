"""MkDocs adapter: "last changed" dates on every page, from git (see course_site.git_dates).

A Markdown page takes the date of docs/<page>; a notebook page the date of its
text source notebooks/<name>.py. Material shows ``page.meta.revision_date``
under the page. Without git history there is no date and no error.
"""

from __future__ import annotations

from pathlib import Path

from course_site.git_dates import last_change_dates
from course_site.seminars import korean_date

_build: dict = {}


def on_config(config):
    _build.clear()
    root = Path(config.config_file_path).resolve().parent
    _build.update(root=root, docs=Path(config.docs_dir).resolve(), dates=None)


def on_files(files, config):
    _build["dates"] = last_change_dates(_build["root"])  # one git call per build
    return files


def on_page_markdown(markdown, page, config, files):
    date = _build["dates"].get(source_path(page.file.src_uri))
    if date:
        page.meta["revision_date"] = f"마지막 수정 {korean_date(date)}"
    return markdown


def source_path(src_uri: str) -> str:
    """Path, relative to mkdocs.yml's folder, of the file a page is written in."""
    if src_uri.startswith("notebooks/") and src_uri.endswith(".ipynb"):
        return src_uri.removesuffix(".ipynb") + ".py"
    docs = _build["docs"].relative_to(_build["root"]).as_posix()
    return f"{docs}/{src_uri}"
