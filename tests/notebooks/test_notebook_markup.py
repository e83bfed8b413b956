"""How an executed notebook is turned into page Markdown and HTML (course_site.notebook_pages)."""

from __future__ import annotations

import json

import nbformat

from course_site.notebook_pages import (
    LONG_OUTPUT_LINES,
    PlacedFigure,
    code_fence,
    placed_figure,
    notebook_markdown,
    with_fragments,
    without_scripts,
)
from course_site.notebooks import FONT_CELL, FONT_CELL_SUMMARY, NotebookFigure


def notebook(*cells):
    return nbformat.v4.new_notebook(cells=list(cells))


def code(source: str, *outputs):
    return nbformat.v4.new_code_cell(source, outputs=list(outputs))


def rendered(book, figures=None) -> str:
    """What the page holds, with Markdown left as Markdown (the site renders it)."""
    markdown, fragments = notebook_markdown(book, figures or {})
    return with_fragments(markdown, fragments)


def test_text_cells_stay_markdown_and_code_cells_become_fenced_blocks():
    page = rendered(notebook(nbformat.v4.new_markdown_cell("## 1. 준비\n\n설명"), code("x = 1\nprint(x)")))
    assert "## 1. 준비\n\n설명" in page
    assert "```python\nx = 1\nprint(x)\n```" in page
    assert '<div class="nb-cell">' in page and "In [" not in page


def test_a_fence_is_longer_than_any_backtick_run_in_the_code():
    fence = code_fence('s = """```python\nx\n```"""')
    assert fence.startswith("````python\n") and fence.endswith("\n````")


def test_only_code_with_shell_magic_or_help_lines_is_highlighted_as_ipython():
    assert code_fence("!pip install koreanize-matplotlib").startswith("```ipython3\n")
    assert code_fence("x = 1\n%timeit x + 1").startswith("```ipython3\n")
    assert code_fence("len?").startswith("```ipython3\n")
    assert code_fence("x = 1  # 10% 더\nprint(x)").startswith("```python\n")


def test_printed_text_is_escaped_and_kept_as_preformatted_columns():
    printed = nbformat.v4.new_output("stream", name="stdout", text="a    <b>\n1    2\n")
    page = rendered(notebook(code("print()", printed)))
    assert '<div class="nb-output"><pre tabindex="0">a    &lt;b&gt;\n1    2</pre></div>' in page


def test_long_outputs_fold_behind_a_button_that_search_skips():
    lines = "\n".join(f"줄 {n}" for n in range(LONG_OUTPUT_LINES + 5))
    page = rendered(notebook(code("print()", nbformat.v4.new_output("stream", name="stdout", text=lines))))
    assert "nb-output--long" in page and f"줄 {LONG_OUTPUT_LINES + 4}" in page  # all of it is on the page
    assert '<details class="nb-output__more" data-search-exclude>' in page
    assert f"출력 {LONG_OUTPUT_LINES + 5}줄 모두 보기" in page
    short = rendered(notebook(code("print()", nbformat.v4.new_output("stream", name="stdout", text="짧은 출력"))))
    assert "nb-output__more" not in short


def test_rich_outputs_show_their_plain_text_and_never_bring_scripts():
    rich = nbformat.v4.new_output(
        "display_data",
        data={
            "text/html": "<script src='https://cdn.example/x.js'></script><b>표</b>",
            "application/javascript": "alert(1)",
            "application/vnd.jupyter.widget-view+json": {"model_id": "abc"},
            "text/plain": "KMeans(n_clusters=3)",
        },
    )
    page = rendered(notebook(code("model", rich)))
    assert "KMeans(n_clusters=3)" in page
    assert "<script" not in page and "cdn.example" not in page and "alert" not in page


def test_plots_become_light_and_dark_images_with_their_alt_text():
    plot = nbformat.v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "<Figure>"})
    figure = PlacedFigure("x-1.svg", "x-1.dark.svg", '산점도 "예측 vs 실제"', 600, 400)
    page = rendered(notebook(code("plt.show()", plot)), {(0, 0): figure})
    assert '<img src="x-1.svg#only-light" alt="산점도 &quot;예측 vs 실제&quot;" width="600" height="400"' in page
    assert '<img src="x-1.dark.svg#only-dark"' in page
    assert "<Figure>" not in page and "iVBOR" not in page


def test_the_font_cell_is_folded_under_one_sentence_and_kept_out_of_search():
    page = rendered(notebook(nbformat.v4.new_markdown_cell("# 제목"), code(FONT_CELL), code("x = 1")))
    assert f'<details class="nb-setup" data-search-exclude>\n<summary>{FONT_CELL_SUMMARY}</summary>' in page
    assert page.index("</details>") < page.index("x = 1")
    assert "이 사이트를 만들 때" not in FONT_CELL  # says nothing a student cannot use


def test_scripts_and_mermaid_triggers_in_text_cells_are_removed():
    html = '<p>a</p><script src="https://x/y.js"></script><pre class="mermaid"><code>graph</code></pre>'
    cleaned = without_scripts(html)
    assert "<script" not in cleaned and 'class="mermaid"' not in cleaned and "graph" in cleaned


def test_an_image_that_is_not_a_matplotlib_figure_keeps_its_png_and_its_described_alt_text():
    shown = nbformat.v4.new_output("display_data", data={"image/png": "iVBORw0K\n", "text/plain": "<Image>"})
    figure = placed_figure(NotebookFigure(0, 0, "", "", "학습 곡선 사진"), shown, "unused.svg", "unused.dark.svg")
    assert figure == PlacedFigure("data:image/png;base64,iVBORw0K", "", "학습 곡선 사진", 0, 0)
    page = rendered(notebook(code("display(Image('curve.png'))", shown)), {(0, 0): figure})
    assert '<img src="data:image/png;base64,iVBORw0K" alt="학습 곡선 사진" loading="lazy"' in page


def test_a_notebook_read_as_the_json_on_disk_makes_the_same_page_as_nbformats_reading():
    # On disk sources and outputs are lists of lines; the build reads that JSON without nbformat.
    book = notebook(
        nbformat.v4.new_markdown_cell("## 1. 준비\n\n설명 두 줄\n둘째 줄"),
        code(FONT_CELL),
        code("x = 1\nprint(x)\n", nbformat.v4.new_output("stream", name="stdout", text="1\n2\n")),
        code("x", nbformat.v4.new_output("execute_result", data={"text/plain": "a\nb"}, execution_count=1)),
    )
    on_disk = json.loads(nbformat.writes(book))
    assert isinstance(on_disk["cells"][2]["source"], list)  # the case this test is about
    assert rendered(on_disk) == rendered(nbformat.reads(nbformat.writes(book), as_version=4))
