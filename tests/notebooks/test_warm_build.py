"""A build in which nothing changed reuses coloured code and compiled templates, and writes the same pages.

The notebook pages' code cells are most of the site's code blocks; every
notebook begins with the font cell, whose ``!apt-get`` line is coloured by
IPython's lexer (a Pygments plugin, the package ``ipython_pygments_lexers``).
"""

from __future__ import annotations

import shutil

from support import mkdocs_build


def pages(site) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*.html"))}


def test_a_warm_build_writes_every_page_byte_for_byte_without_loading_a_lexer(project_copy, tmp_path):
    for cache in ("highlight", "templates"):
        shutil.rmtree(project_copy / ".cache" / cache, ignore_errors=True)
    cold = mkdocs_build(project_copy, tmp_path / "cold")
    assert cold.returncode == 0, cold.stderr
    # Were any notebook cell coloured again, IPython's lexer would be missing
    # and its cells would come out uncoloured: the pages would differ.
    warm = mkdocs_build(project_copy, tmp_path / "warm", unimportable="ipython_pygments_lexers")
    assert warm.returncode == 0, warm.stderr
    cold_pages, warm_pages = pages(tmp_path / "cold"), pages(tmp_path / "warm")
    notebook_pages = [uri for uri in cold_pages if uri.startswith("notebooks/")]
    assert notebook_pages and all(b'class="highlight"' in cold_pages[uri] for uri in notebook_pages)
    assert warm_pages.keys() == cold_pages.keys()
    assert [uri for uri in cold_pages if warm_pages[uri] != cold_pages[uri]] == []
