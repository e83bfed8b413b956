"""Hands-on notebooks: executed by a real kernel, cached, published with outputs."""

from __future__ import annotations

import json
import textwrap

import nbformat
import pytest

from course_site.errors import CourseBuildError
from course_site.notebooks import build_notebooks, colab_url
from support import ROOT, soup

NOTEBOOK_PAGES = ("notebooks/seminar04/supervised_learning", "notebooks/seminar04/unsupervised_learning")

HEADER = """\
# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---
"""


@pytest.fixture
def notebooks(tmp_path):
    folder = tmp_path / "notebooks" / "demo"
    folder.mkdir(parents=True)

    def write(name: str, body: str, header: str = HEADER) -> None:
        (folder / f"{name}.py").write_text(header + textwrap.dedent(body), encoding="utf-8")

    write.root = tmp_path
    return write


def build(notebooks, timeout: float = 60):
    root = notebooks.root
    return build_notebooks(root / "notebooks", ROOT / "figures", root / "cache", timeout=timeout)


def build_error(notebooks, **options) -> str:
    with pytest.raises(CourseBuildError) as caught:
        build(notebooks, **options)
    return str(caught.value)


def test_rendered_notebook_pages_show_text_and_image_outputs(built_site):
    for page in NOTEBOOK_PAGES:
        document = soup(built_site / page / "index.html")
        images = document.select("img[src^='data:image/png']")
        texts = [pre.get_text() for pre in document.select(".jp-OutputArea-output pre")]
        assert len(images) >= 2, page
        assert any(text.strip() for text in texts), page


def test_downloadable_ipynb_is_valid_nbformat_with_outputs_counted_from_one(built_site):
    for page in NOTEBOOK_PAGES:
        name = page.rsplit("/", 1)[1]
        notebook = nbformat.read(built_site / page / f"{name}.ipynb", as_version=4)
        nbformat.validate(notebook)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code[0].execution_count == 1
        assert sum(bool(cell.outputs) for cell in code) >= 4
        assert "figure_style" not in json.dumps(notebook)  # our setup cell is not shipped


def test_notebook_page_links_download_colab_source_and_seminar(built_site):
    document = soup(built_site / NOTEBOOK_PAGES[0] / "index.html")
    actions = document.find("div", class_="notebook-actions")
    links = {a.get_text(strip=True): a["href"] for a in actions.find_all("a")}
    assert links[".ipynb 내려받기"] == "supervised_learning.ipynb"
    assert links["Colab에서 열기"] == (
        "https://colab.research.google.com/github/ds-study-club/seminars/blob/notebooks/"
        "notebooks/seminar04/supervised_learning.ipynb"
    )
    assert links["04 데이터로 뭐를 할까?"] == "../../../2022-2/04-what-to-do-with-data/"
    edit = document.find("a", attrs={"rel": "edit"})
    assert edit["href"].endswith("/edit/main/notebooks/seminar04/supervised_learning.py")


def test_notebook_headings_get_the_sites_hangul_ids_and_a_working_toc(built_site):
    document = soup(built_site / NOTEBOOK_PAGES[0] / "index.html")
    ids = [h["id"] for h in document.select(".md-content h2")]
    assert "0-준비" in ids and "1-분류-데이터-불러오기" in ids
    toc = [a["href"] for a in document.select(".md-nav--secondary a.md-nav__link")]
    assert toc and all(href.lstrip("#") in ids or href.startswith("#") is False for href in toc)
    assert set(h.lstrip("#") for h in toc) <= set(ids + [h["id"] for h in document.select(".md-content h1, .md-content h3")])


def test_seminar_page_links_to_both_notebooks(built_site):
    links = [a["href"] for a in soup(built_site / "2022-2/04-what-to-do-with-data/index.html").select("article a")]
    assert "../../notebooks/seminar04/supervised_learning/" in links
    assert "../../notebooks/seminar04/unsupervised_learning/" in links


def test_an_unchanged_notebook_is_not_executed_again(notebooks):
    notebooks("one", "# %%\nprint('안녕')\n")
    notebooks("two", "# %%\nx = 1\n")
    assert (build(notebooks).executed, build(notebooks).executed) == (2, 0)
    notebooks("two", "# %%\nx = 2\n")
    report = build(notebooks)
    assert (report.executed, report.cached) == (1, 1)


def test_hangul_plots_use_the_house_font_without_warnings(notebooks):
    notebooks("plot", """
        # %%
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.set_title("한글 제목과 음수 −1")
        ax.plot([-1, 1])
        plt.show()
    """)
    executed = nbformat.read(next(iter(build(notebooks).notebooks.values())), as_version=4)
    outputs = next(cell for cell in executed.cells if "plt.show()" in cell.source).outputs
    assert any("image/png" in output.get("data", {}) for output in outputs)
    assert not any(output.get("name") == "stderr" for output in outputs)


def test_a_glyph_missing_from_the_fonts_fails_the_notebook(notebooks):
    notebooks("glyph", """
        # %%
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.set_title("\\U00013000")
        fig.canvas.draw()
    """)
    assert "notebooks/demo/glyph.py 셀 1" in build_error(notebooks)


def test_a_failing_cell_fails_the_build_naming_notebook_cell_and_line(notebooks):
    notebooks("broken", """
        # %% [markdown]
        # 설명

        # %%
        values = [1, 2, 3]

        # %%
        values[10]
    """)
    message = build_error(notebooks)
    assert "notebooks/demo/broken.py 셀 3" in message
    assert "IndexError" in message and "list index out of range" in message
    assert "번째 줄" in message
    assert not any((notebooks.root / "cache").rglob("*.ipynb"))  # nothing half-executed is kept


def test_a_notebook_that_runs_too_long_is_stopped(notebooks):
    notebooks("slow", "# %%\nimport time\n\n# %%\ntime.sleep(60)\n")
    message = build_error(notebooks, timeout=4)
    assert "notebooks/demo/slow.py" in message and "4초" in message


def test_malformed_sources_are_named(notebooks):
    notebooks("header", "# %%\nprint(1)\n", header="# ---\n# jupyter: [unclosed\n# ---\n")
    assert "notebooks/demo/header.py" in build_error(notebooks) and "YAML" in build_error(notebooks)


def test_non_utf8_source_is_named(notebooks):
    (notebooks.root / "notebooks" / "demo" / "latin.py").write_bytes(b"# %%\nprint('\xff')\n")
    message = build_error(notebooks)
    assert "notebooks/demo/latin.py" in message and "UTF-8" in message


def test_colab_link_is_built_from_the_repository_url():
    assert colab_url("https://github.com/club/site.git", "notebooks", "notebooks/a/b.ipynb") == (
        "https://colab.research.google.com/github/club/site/blob/notebooks/notebooks/a/b.ipynb"
    )


def test_notebook_css_is_one_shared_file_not_inlined_in_every_page(built_site):
    links = set()
    for page in NOTEBOOK_PAGES:
        path = built_site / page / "index.html"
        article = soup(path).find("article")
        assert sum(len(style.get_text()) for style in article.find_all("style")) == 0
        link = article.find("link", rel="stylesheet")["href"]
        assert (path.parent / link).resolve().is_file()
        links.add((path.parent / link).resolve())
    assert len(links) == 1  # every notebook page shares the same file
    assert next(iter(links)).stat().st_size > 100_000  # the JupyterLab styles really are in it


def test_published_notebooks_bring_a_hangul_font_cell_for_colab_and_laptops(built_site):
    notebook = nbformat.read(built_site / NOTEBOOK_PAGES[0] / "supervised_learning.ipynb", as_version=4)
    first_code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    assert "google.colab" in first_code.source and "fonts-nanum" in first_code.source
    assert first_code.execution_count == 1 and not any(o.get("output_type") == "error" for o in first_code.outputs)
    source = (ROOT / "notebooks" / "seminar04" / "supervised_learning.py").read_text(encoding="utf-8")
    assert "google.colab" not in source  # authors never write it
