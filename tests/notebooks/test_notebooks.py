"""Hands-on notebooks: executed by a real kernel, cached, published with outputs."""

from __future__ import annotations

import importlib.util
import json
import posixpath
import textwrap

import nbformat
import pytest
from pymdownx.slugs import slugify

from course_site.cpus import available_cpus
from course_site.errors import CourseBuildError
from course_site.notebooks import FONT_CELL_SUMMARY, build_notebooks, colab_url, read_figures
from course_site.search_worker import FULL_INDEX
from course_checks import seminars_on_disk
from support import ROOT, mkdocs_build, soup

# Every notebook of the course: notebooks/<group>/<name>.py -> page notebooks/<group>/<name>/
NOTEBOOK_PAGES = tuple(
    f"notebooks/{path.relative_to(ROOT / 'notebooks').with_suffix('').as_posix()}"
    for path in sorted((ROOT / "notebooks").glob("*/**/*.py"))
    if not path.name.startswith("_")
)

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


def house_style():
    """figures/figure_style.py, the module the notebook kernel draws with."""
    spec = importlib.util.spec_from_file_location("house_figure_style", ROOT / "figures" / "figure_style.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(notebooks, timeout: float = 60):
    root = notebooks.root
    return build_notebooks(root / "notebooks", ROOT / "figures", root / "cache", timeout=timeout)


def build_error(notebooks, **options) -> str:
    with pytest.raises(CourseBuildError) as caught:
        build(notebooks, **options)
    return str(caught.value)


def test_notebooks_exist_to_be_tested():
    assert NOTEBOOK_PAGES  # the tests below check every one of them


def test_rendered_notebook_pages_show_text_and_image_outputs(built_site):
    for page in NOTEBOOK_PAGES:
        document = soup(built_site / page / "index.html")
        images = document.select(".nb-figure img")
        texts = [pre.get_text() for pre in document.select(".nb-output pre")]
        assert all((built_site / page / img["src"].split("#")[0]).is_file() for img in images), page
        assert any(text.strip() for text in texts), page
        assert document.select(".nb-cell .highlight code"), page


def test_plots_come_as_light_and_dark_twins_with_the_notebooks_alt_text(built_site):
    for page in NOTEBOOK_PAGES:
        document = soup(built_site / page / "index.html")
        for figure in document.select(".nb-figure"):
            light, dark = figure.find_all("img")
            assert light["src"].endswith(".svg#only-light") and dark["src"].endswith(".dark.svg#only-dark")
            assert light["alt"] == dark["alt"] and light["alt"].strip(), page
            assert "No description" not in light["alt"] and not light["alt"].startswith("<Figure")
            light_svg = (built_site / page / light["src"].split("#")[0]).read_text(encoding="utf-8")
            dark_svg = (built_site / page / dark["src"].split("#")[0]).read_text(encoding="utf-8")
            assert light_svg != dark_svg  # the dark twin really has other colours


def test_notebook_pages_carry_no_nbconvert_styles_prompts_or_script_loaders(built_site):
    for page in NOTEBOOK_PAGES:
        text = (built_site / page / "index.html").read_text(encoding="utf-8")
        article = soup(built_site / page / "index.html").find("article")
        assert not article.find_all(["style", "script", "link"]), page
        for leftover in ('<script src="">', "mermaid", "MathJax", "clipboard-copy", "jp-InputPrompt", "In&nbsp;[",
                         "data:image/png", "No description has been provided"):
            assert leftover not in text, (page, leftover)


def test_the_font_setup_cell_is_folded_under_one_sentence(built_site):
    for page in NOTEBOOK_PAGES:
        setup = soup(built_site / page / "index.html").select("article details.nb-setup")
        assert len(setup) == 1, page
        assert setup[0].summary.get_text(strip=True) == FONT_CELL_SUMMARY
        assert "google.colab" in setup[0].get_text() and "이 사이트를 만들 때" not in setup[0].get_text()


def test_search_index_holds_notebook_text_code_and_outputs_but_not_setup_or_labels(built_site):
    index = json.loads((built_site / FULL_INDEX).read_text(encoding="utf-8"))

    def squeezed(text: str) -> str:  # the index separates morphemes with U+200B
        return "".join(text.replace("\u200b", "").split())

    for page in NOTEBOOK_PAGES:
        text = squeezed(" ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(page + "/")))
        notebook = nbformat.read(built_site / page / f"{page.rsplit('/', 1)[1]}.ipynb", as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code" and "google.colab" not in cell.source]
        printed = [o["text"] for cell in code for o in cell.outputs if o.get("output_type") == "stream"]
        assert squeezed(code[-1].source.splitlines()[0]) in text, page
        assert printed and squeezed(printed[0].splitlines()[0]) in text, page
        for unwanted in ("Copied!", "In[1]:", "google.colab", "fonts-nanum", "Colab에서한글그래프가", "모두보기"):
            assert unwanted not in text, (page, unwanted)


def test_downloadable_ipynb_is_valid_nbformat_with_outputs_counted_from_one(built_site):
    for page in NOTEBOOK_PAGES:
        name = page.rsplit("/", 1)[1]
        notebook = nbformat.read(built_site / page / f"{name}.ipynb", as_version=4)
        nbformat.validate(notebook)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code[0].execution_count == 1
        assert sum(bool(cell.outputs) for cell in code) >= 4
        assert "figure_style" not in json.dumps(notebook)  # our setup cell is not shipped
        assert "course_site_figure" not in json.dumps(notebook)  # nor the site's SVG renderings
        plots = [o for cell in code for o in cell.outputs if "image/png" in o.get("data", {})]
        assert all("image/svg+xml" not in o["data"] and "application/json" not in o["data"] for o in plots)


def article_links(site) -> dict[str, set[str]]:
    """Each built page (URL path like "2022-2/04-x/", "" for home) and the pages its article links to."""
    links = {}
    for html in sorted(site.rglob("index.html")):
        url = html.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        hrefs = [a["href"].split("#")[0] for a in soup(html).select("article a[href]")]
        links[url] = {resolved(url, href) for href in hrefs if href and "://" not in href}
    return links


def resolved(base: str, href: str) -> str:
    """``href`` as seen from the page at URL path ``base``, as a URL path ("" is the home page)."""
    path = posixpath.normpath(posixpath.join(base, href))
    return "" if path == "." else path.rstrip("/") + "/"


def test_notebook_pages_link_download_colab_source_and_every_page_that_uses_them(built_site):
    linking = article_links(built_site)  # read once: every notebook is looked up in it
    seminars = {seminar.url for seminar in seminars_on_disk(ROOT)}
    for page in NOTEBOOK_PAGES:
        name = page.rsplit("/", 1)[1]
        document = soup(built_site / page / "index.html")
        links = {a.get_text(strip=True): a["href"] for a in document.select("div.notebook-actions a")}
        assert links.pop(".ipynb 내려받기") == f"{name}.ipynb", page
        colab = links.pop("Colab에서 열기")
        assert colab.startswith("https://colab.research.google.com/github/") and colab.endswith(f"/{page}.ipynb")
        back = {resolved(page + "/", href) for href in links.values()}
        using = {url for url, targets in linking.items() if page + "/" in targets and url != page + "/"}
        assert back & seminars, f"{page}: no link back to a seminar that uses it"
        assert using & seminars <= back <= using, page  # every seminar that links to it; only pages that do
        for title, href in links.items():  # each back link is named by its page's title
            heading = soup(built_site / resolved(page + "/", href) / "index.html").find("h1")
            assert heading.get_text().rstrip("¶").strip() == title, (page, href)
        edit = document.find("a", attrs={"rel": "edit"})["href"]
        assert "/edit/" in edit and edit.endswith(f"/{page}.py"), page


def test_notebook_headings_get_the_sites_hangul_ids_and_a_working_toc(built_site):
    site_slug = slugify(case="lower")  # as mkdocs.yml's toc.slugify
    for page in NOTEBOOK_PAGES:
        document = soup(built_site / page / "index.html")
        headings = document.select(".md-content h2")
        assert headings, f"{page}: a notebook without ## sections"
        for heading in headings:
            assert heading["id"] == site_slug(heading.get_text().rstrip("¶").strip(), "-"), (page, heading)
        ids = {element["id"] for element in document.select(".md-content [id]")}
        toc = [a["href"] for a in document.select(".md-nav--secondary a.md-nav__link")]
        assert toc and all(href.startswith("#") and href[1:] in ids for href in toc), (page, toc)


def test_an_unchanged_notebook_is_not_executed_again(notebooks):
    notebooks("one", "# %%\nprint('안녕')\n")
    notebooks("two", "# %%\nx = 1\n")
    assert (build(notebooks).executed, build(notebooks).executed) == (2, 0)
    notebooks("two", "# %%\nx = 2\n")
    report = build(notebooks)
    assert (report.executed, report.cached) == (1, 1)


@pytest.mark.skipif(available_cpus() < 2, reason="한 CPU 에서는 노트북이 차례로 돕니다")
def test_notebooks_to_run_run_side_by_side_one_per_cpu(notebooks):
    # Each notebook prints the time before and after a 6 s sleep. Side by side on two CPUs
    # the two spans overlap; one after the other, they could not.
    for name in ("first", "second"):
        notebooks(name, """
            # %%
            import time
            print(time.time())
            time.sleep(6)
            print(time.time())
        """)
    report = build(notebooks)
    assert report.executed == 2
    spans = []
    for path in sorted(report.notebooks.values()):
        (cell,) = [cell for cell in nbformat.read(path, as_version=4).cells if "time.sleep" in cell.source]
        spans.append([float(value) for value in cell.outputs[0]["text"].split()])
    (start_a, end_a), (start_b, end_b) = spans
    assert start_a < end_b and start_b < end_a


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


def test_notebook_pages_style_themselves_with_one_small_stylesheet_in_the_head(built_site):
    stylesheet = (ROOT / "overrides" / "notebook.css").read_text(encoding="utf-8")
    assert len(stylesheet.encode("utf-8")) < 10_000
    for page in NOTEBOOK_PAGES:
        head = soup(built_site / page / "index.html").find("head")
        assert stylesheet in [style.get_text() for style in head.find_all("style")], page
    others = [html for html in built_site.rglob("index.html") if html.parent.relative_to(built_site).as_posix()
              not in NOTEBOOK_PAGES]
    assert others and all(".nb-cell" not in html.read_text(encoding="utf-8") for html in others), "only notebooks"


def test_published_notebooks_bring_a_hangul_font_cell_for_colab_and_laptops(built_site):
    for page in NOTEBOOK_PAGES:
        name = page.rsplit("/", 1)[1]
        notebook = nbformat.read(built_site / page / f"{name}.ipynb", as_version=4)
        first_code = next(cell for cell in notebook.cells if cell.cell_type == "code")
        assert "google.colab" in first_code.source and "fonts-nanum" in first_code.source, page
        assert first_code.execution_count == 1 and not any(o.get("output_type") == "error" for o in first_code.outputs)
        assert "google.colab" not in (ROOT / f"{page}.py").read_text(encoding="utf-8")  # authors never write it


def test_prints_of_one_cell_arrive_as_one_output_and_two_cold_runs_write_identical_bytes(notebooks):
    notebooks("prints", """
        # %%
        import sys, time
        import matplotlib.pyplot as plt
        for step in range(6):
            print("단계", step)
            sys.stdout.flush()
            time.sleep(0.05)
        fig, ax = plt.subplots()
        ax.set_title("한 번 더 그려도 같은 그림")
        ax.plot([0, 1, 4])
        plt.show()
    """)
    root = notebooks.root
    runs = [build_notebooks(root / "notebooks", ROOT / "figures", root / f"cache-{n}", timeout=60) for n in (1, 2)]
    first, second = (next(iter(run.notebooks.values())) for run in runs)
    executed = nbformat.read(first, as_version=4)
    streams = [o for o in executed.cells[-1].outputs if o.output_type == "stream"]
    assert len(streams) == 1 and streams[0].text.count("단계") == 6
    assert first.read_bytes() == second.read_bytes()
    assert first.with_suffix(".figures.json").read_bytes() == second.with_suffix(".figures.json").read_bytes()


def test_plots_get_a_transparent_house_style_svg_its_dark_twin_and_alt_text(notebooks):
    notebooks("plots", """
        # %%
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots()
        ax.set_title("제목이 곧 설명: $R^2$")
        ax.plot([1, 2])
        plt.show()

        # %%
        # 그림 설명: 주석으로 쓴 설명이 제목보다 앞섭니다
        fig, ax = plt.subplots()
        ax.set_title("제목")
        ax.plot([2, 1])
        plt.show()

        # %%
        # 그림 설명: matplotlib 그림이 아닌 이미지도 설명을 받습니다
        import io
        from IPython.display import Image, display
        picture = io.BytesIO()
        plt.figure().savefig(picture, format="png")
        plt.close("all")
        display(Image(data=picture.getvalue()))
    """)
    figure_style = house_style()
    path = next(iter(build(notebooks).notebooks.values()))
    titled, commented, picture = read_figures(path)
    assert picture.alt == "matplotlib 그림이 아닌 이미지도 설명을 받습니다" and picture.light == ""
    assert titled.alt == "제목이 곧 설명: R²"
    assert commented.alt == "주석으로 쓴 설명이 제목보다 앞섭니다"
    assert figure_style.INK["text"] in titled.light and figure_style.INK["text"] not in titled.dark
    assert figure_style.DARK_VARIANT[figure_style.INK["text"]] in titled.dark
    assert "fill: #ffffff" not in titled.light  # transparent: the page's background shows through
    published = nbformat.read(path, as_version=4)
    assert "image/png" in published.cells[titled.cell].outputs[titled.output].data


def test_a_plot_without_title_or_description_fails_naming_the_cell(notebooks):
    notebooks("untitled", """
        # %%
        x = [1, 2, 3]

        # %%
        import matplotlib.pyplot as plt
        plt.plot(x)
        plt.show()
    """)
    message = build_error(notebooks)
    assert "notebooks/demo/untitled.py 셀 2" in message
    assert "그림 설명:" in message and "set_title" in message


def notebook_pages_of(site) -> list[str]:
    """The notebook pages of a built site: folders holding an index.html and their own .ipynb."""
    return sorted(
        notebook.parent.relative_to(site).as_posix()
        for notebook in site.glob("notebooks/**/*.ipynb")
        if notebook.stem == notebook.parent.name and (notebook.parent / "index.html").is_file()
    )


def test_math_in_text_cells_is_rendered_at_build_time_like_on_seminar_pages(built_site, fixture_course):
    _, fixture_site = fixture_course
    for site in (built_site, fixture_site):
        with_math = []
        for page in notebook_pages_of(site):
            notebook = nbformat.read(site / page / f"{page.rsplit('/', 1)[1]}.ipynb", as_version=4)
            has_math = any(cell.cell_type == "markdown" and "$" in cell.source for cell in notebook.cells)
            formulas = soup(site / page / "index.html").select("article .katex")
            assert bool(formulas) == has_math, page
            with_math += [page] * has_math
        assert with_math or site == built_site, "the fixture course's notebook has a formula to render"


def test_build_with_every_notebook_cached_never_imports_nbformat(project_copy, tmp_path):
    # project_copy carries the session build's executed notebooks; a warm build
    # need not load nbformat (~0.2 s with jsonschema).
    result = mkdocs_build(project_copy, tmp_path / "site", unimportable="nbformat")
    assert result.returncode == 0, result.stderr
    assert "새로 실행 0개" in result.stderr
