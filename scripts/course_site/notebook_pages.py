"""How an executed notebook becomes a page of the site.

The site renders notebooks itself rather than through nbconvert's JupyterLab
template (mkdocs-jupyter), which brought 595 KB of CSS, "In [1]:" prompts and
copy-button markup into the text (and so into the search index), and loaders
for MathJax, mermaid and widgets from other hosts. Here:

- text cells go through the site's own Markdown, so headings get the same
  Hangul ids, links are checked and the table of contents is built exactly
  as on seminar pages;
- code cells become the site's fenced code blocks (Material's highlighting
  and copy button);
- outputs are small HTML written here: printed text as ``<pre>`` that scrolls
  sideways instead of wrapping (tables keep their columns), long outputs
  folded, plots as light/dark image pairs with the notebook's alt text, and
  rich outputs (HTML, widgets, JavaScript) shown as their plain-text form,
  so no notebook can bring a script into the site.

``notebook_markdown`` returns the page's Markdown with a placeholder comment
where each piece of HTML goes, and the pieces; ``with_fragments`` puts them in
after MkDocs rendered the Markdown, so output text is never taken for Markdown.
"""

from __future__ import annotations

import base64
import html as html_lib
import posixpath
import re
from dataclasses import dataclass

from course_site.notebooks import FONT_CELL, FONT_CELL_SUMMARY, IMAGE_TYPES, NotebookFigure
from course_site.notebook_links import linked_notebooks
from course_site.page_source import PageSource

_PLACEHOLDER = re.compile(r"<!-- course-notebook:(\d+) -->")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Outputs longer than this show their first 20 lines (overrides/notebook.css)
# and a button to unfold: a 200-line printout should not bury the next cell.
LONG_OUTPUT_LINES = 30


@dataclass(frozen=True)
class PlacedFigure:
    """A notebook plot as one page shows it: image addresses relative to that page."""

    light_src: str  # SVG, or a data: URI for images that are not matplotlib figures
    dark_src: str  # "" when the image has no dark twin
    alt: str
    width_px: int
    height_px: int


def figure_size_px(svg: str) -> tuple[int, int]:
    """CSS pixel size of a matplotlib SVG (it states its size in points)."""
    found = re.search(r'<svg[^>]*\bwidth="([\d.]+)pt"[^>]*\bheight="([\d.]+)pt"', svg)
    if not found:
        return 0, 0
    return round(float(found.group(1)) * 4 / 3), round(float(found.group(2)) * 4 / 3)


def placed_figure(figure: NotebookFigure, output: dict, light_src: str, dark_src: str) -> PlacedFigure:
    """The site's view of one plot; images without SVG keep their own PNG/JPEG."""
    if figure.light:
        width, height = figure_size_px(figure.light)
        return PlacedFigure(light_src, dark_src, figure.alt, width, height)
    data = output.get("data", {})
    kind = next(kind for kind in IMAGE_TYPES if kind in data)
    payload = data[kind]
    if kind == "image/svg+xml":
        payload = base64.b64encode("".join(payload).encode("utf-8")).decode("ascii")
    return PlacedFigure(f"data:{kind};base64,{''.join(payload).strip()}", "", figure.alt, 0, 0)


def notebook_markdown(notebook, figures: dict[tuple[int, int], PlacedFigure]) -> tuple[str, list[str]]:
    """The page's Markdown (with placeholders) and the HTML fragments that replace them.

    ``notebook`` is the notebook's JSON as a dict (an nbformat node is one too);
    a cell's source may be one string or the list of lines stored on disk.
    """
    parts: list[str] = []
    fragments: list[str] = []

    def place(fragment: str) -> None:
        parts.append(f"<!-- course-notebook:{len(fragments)} -->")
        fragments.append(fragment)

    for index, cell in enumerate(notebook["cells"]):
        source = joined(cell["source"])
        if cell["cell_type"] == "markdown":
            parts.append(source)
        elif cell["cell_type"] == "code":
            font_cell = source == FONT_CELL
            # Folded, and kept out of the search index: it is setup, not the lesson.
            place(
                f'<details class="nb-setup" data-search-exclude>\n<summary>{FONT_CELL_SUMMARY}</summary>'
                if font_cell
                else '<div class="nb-cell">'
            )
            if source.strip():
                parts.append(code_fence(source))
            for number, output in enumerate(cell.get("outputs", [])):
                fragment = output_html(output, figures.get((index, number)))
                if fragment:
                    place(fragment)
            place("</details>" if font_cell else "</div>")
    return "\n\n".join(parts) + "\n", fragments


# A shell (!) or magic (%) line, or help (?) at the end of one: only IPython's lexer reads them.
_IPYTHON_SYNTAX = re.compile(r"^\s*[!%]|\?\s*$", re.MULTILINE)


def code_fence(source: str) -> str:
    """A fenced code block that no backtick run inside the code can close."""
    longest = max((len(run) for run in re.findall(r"`+", source)), default=0)
    fence = "`" * max(3, longest + 1)
    # IPython's lexer (installed with the kernel) knows "!apt-get" and "%magic"
    # lines; plain Python gets Python's lexer, which colours it the same. Pygments
    # finds the IPython lexer only by scanning every installed package's plugins,
    # once per code block: ~0.1 s of every build that has notebook pages.
    language = "ipython3" if _IPYTHON_SYNTAX.search(source) else "python"
    return f"{fence}{language}\n{source.rstrip()}\n{fence}"


def output_html(output: dict, figure: PlacedFigure | None) -> str:
    kind = output.get("output_type")
    if figure is not None:
        return figure_html(figure)
    if kind == "stream":
        return text_html(joined(output.get("text", "")), "nb-output--stderr" if output.get("name") == "stderr" else "")
    if kind == "error":
        return text_html("\n".join(output.get("traceback", [])), "nb-output--error")
    if kind in ("execute_result", "display_data"):
        # Rich forms (text/html, JavaScript, widgets, LaTeX) are not shown:
        # their plain-text form carries the content without anyone's scripts
        # or style sheets.
        plain = joined(output.get("data", {}).get("text/plain", ""))
        return text_html(plain, "") if plain.strip() else ""
    return ""


def joined(text) -> str:
    return "".join(text) if isinstance(text, list) else str(text)


def text_html(text: str, modifier: str) -> str:
    text = _ANSI.sub("", text).rstrip("\n")
    classes = " ".join(filter(None, ["nb-output", modifier]))
    lines = text.count("\n") + 1
    # Focusable: a keyboard reader can scroll a wide output sideways.
    body = f'<pre tabindex="0">{html_lib.escape(text, quote=False)}</pre>'
    if lines <= LONG_OUTPUT_LINES:
        return f'<div class="{classes}">{body}</div>'
    return (
        f'<div class="{classes} nb-output--long">{body}\n'
        '<details class="nb-output__more" data-search-exclude><summary>'
        f'<span class="nb-output__unfold">출력 {lines}줄 모두 보기</span>'
        '<span class="nb-output__fold">출력 접기</span></summary></details></div>'
    )


def figure_html(figure: PlacedFigure) -> str:
    alt = html_lib.escape(figure.alt, quote=True)
    size = f' width="{figure.width_px}" height="{figure.height_px}"' if figure.width_px else ""
    common = f'alt="{alt}"{size} loading="lazy" decoding="async"'
    if not figure.dark_src:
        return f'<figure class="nb-figure"><img src="{html_lib.escape(figure.light_src)}" {common}></figure>'
    return (
        '<figure class="nb-figure">\n'
        f'<img src="{html_lib.escape(figure.light_src)}#only-light" {common}>\n'
        f'<img src="{html_lib.escape(figure.dark_src)}#only-dark" {common}>\n'
        "</figure>"
    )


def with_fragments(page_html: str, fragments: list[str]) -> str:
    """Put the fragments where ``notebook_markdown`` left their placeholders."""
    return _PLACEHOLDER.sub(lambda match: fragments[int(match.group(1))], page_html)


# A notebook's text cells are Markdown and may hold raw HTML. Scripts go, and
# a <pre class="mermaid"> would make Material fetch mermaid from a CDN.
_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.DOTALL | re.IGNORECASE)
_MERMAID = re.compile(r'(<pre\b[^>]*\bclass="[^"]*)\bmermaid\b', re.IGNORECASE)


def without_scripts(page_html: str) -> str:
    return _MERMAID.sub(r"\1mermaid-source", _SCRIPT.sub("", page_html))


def notebook_backlinks(pages: dict[str, PageSource], notebook_uris: set[str]) -> dict[str, list[tuple[str, str]]]:
    """For each notebook, the pages (src_uri, title) whose Markdown links to it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for src_uri, page in sorted(pages.items()):
        title = str(page.meta.get("title") or src_uri)
        for target in linked_notebooks(src_uri, page.body, notebook_uris):
            found.setdefault(target, []).append((src_uri, title))
    return found


def notebook_actions(page_url: str, download_href: str, colab: str, seminars: list[tuple[str, str]]) -> str:
    """Download / Colab buttons and links back to the seminars that use the notebook.

    ``download_href`` is relative to the page; ``seminars`` holds (site URL of
    the seminar page, title) pairs.
    """
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    buttons = [
        f'<a class="md-button md-button--primary" href="{html_lib.escape(download_href)}" download>'
        ".ipynb 내려받기</a>"
    ]
    if colab:
        buttons.append(
            f'<a class="md-button" href="{html_lib.escape(colab)}" rel="noopener">Colab에서 열기</a>'
        )
    links = ", ".join(
        f'<a href="{html_lib.escape(posixpath.relpath(url or ".", base or ".") + "/")}">{html_lib.escape(title)}</a>'
        for url, title in seminars
    )
    seminar_line = f'\n<p class="notebook-actions__seminar">함께 읽을 세미나: {links}</p>' if links else ""
    return f'<div class="notebook-actions">\n{" ".join(buttons)}{seminar_line}\n</div>\n'


