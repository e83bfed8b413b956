"""Hands-on notebooks: text sources executed by a real kernel at build time, cached.

Sources live in ``notebooks/<group>/<name>.py`` (jupytext percent format:
``# %%`` code cells, ``# %% [markdown]`` text cells), so a pull request shows
a readable diff and git never holds outputs. At build time each source is
executed top to bottom by a Jupyter kernel, after a hidden setup cell that
applies the figures' house style (Hangul font, palette); the executed
notebook, outputs included, is stored in the cache as
``<cache>/<key>/notebooks/<group>/<name>.ipynb``; the site makes it the page
``notebooks/<group>/<name>.ipynb`` (course_site.notebook_pages), and readers
can download it.

Plots: the kernel draws every figure with the house style and hands back two
renderings. The published notebook keeps a PNG on white (it must read in
Jupyter and Colab, light or dark); the site gets the figure as an SVG on a
transparent background plus its dark-palette twin (every colour of
``figure_style.DARK_VARIANT`` swapped, as for the seminar figures), stored beside the notebook as
``<name>.figures.json`` with each plot's alt text. The alt text is the
plot's title (``fig.suptitle``, else the axes titles) unless the cell says
``# 그림 설명: ...`` (one such line per plot, in order); a plot with neither
fails the build, since "an image" tells a reader who cannot see it nothing.

The key hashes the source, the figures' shared style and fonts, library
versions and this runner's setup, so an unchanged notebook is never run again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.notebook_links import notebook_sources
from course_site.figures.discover import shared_fingerprint

# This module's own text is part of every key: changing how notebooks are run
# or post-processed re-runs them all, with no version number to remember.
RUNNER_SOURCE = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
# Metadata key marking the cells the runner adds (not the author's: not counted
# when an error names "셀 N").
INJECTED = "course_injected"
KERNEL = "python3"

# Run before the first cell and removed from the result. PNG (for the
# published .ipynb) gets a white background; the SVG for the site stays
# transparent, like the seminar figures, and comes with its dark twin. The
# application/json output is our carrier for the site's figure: the runner
# takes it out of the notebook again (see extract_figures).
SETUP_CODE = """\
import io, re, sys, warnings
sys.path.insert(0, {figures_dir!r})
import figure_style
figure_style.apply_style()
from matplotlib.figure import Figure
warnings.filterwarnings("error", message=r"(?s).*Glyph .* missing from (current )?font")
%matplotlib inline
%config InlineBackend.figure_formats = ["png"]
%config InlineBackend.rc = {{"figure.dpi": 110}}
%config InlineBackend.print_figure_kwargs = {{"bbox_inches": "tight", "facecolor": "white"}}

def _course_site_figure(figure):
    import matplotlib
    buffer = io.StringIO()
    # Glyphs as outlines: an SVG shown with <img> cannot use the page's fonts.
    # (Crowded scatters stay vector too: 1,797 points are 370 KB but 29 KB
    # gzipped, as served; rasterized they were 380 KB gzipped.)
    with matplotlib.rc_context({{"svg.fonttype": "path"}}):
        figure.savefig(buffer, format="svg", metadata={{"Date": None}})
    light = dark = buffer.getvalue()
    for light_colour, dark_colour in figure_style.DARK_VARIANT.items():
        dark = dark.replace(light_colour, dark_colour)
    titles = [figure.get_suptitle()] if figure.get_suptitle() else [axes.get_title() for axes in figure.axes]
    return {{"{marker}": {{"light": light, "dark": dark, "titles": [t for t in titles if t]}}}}

get_ipython().display_formatter.formatters["application/json"].for_type(Figure, _course_site_figure)
del _course_site_figure
"""
FIGURE_MARKER = "course_site_figure"
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")


# Shown to readers as the notebook's first code cell: on Colab or a laptop the
# house font is not there, and matplotlib would draw Hangul as empty boxes.
# The site shows it folded under FONT_CELL_SUMMARY (see notebook_pages).
FONT_CELL = """\
# 그래프의 한글이 네모(□)로 깨지지 않도록 컴퓨터에 있는 한글 글꼴을 고릅니다.
import sys
import matplotlib
from matplotlib import font_manager

if "google.colab" in sys.modules:  # Colab 에는 한글 글꼴이 없어서 설치합니다
    !apt-get -qq install -y fonts-nanum > /dev/null
    for path in font_manager.findSystemFonts():
        if "Nanum" in path:
            font_manager.fontManager.addfont(path)

installed = {font.name for font in font_manager.fontManager.ttflist}
for name in ["NanumGothic", "Malgun Gothic", "AppleGothic", "Noto Sans CJK KR"]:
    if name in installed:
        matplotlib.rcParams["font.family"] = [name, "DejaVu Sans"]  # 없는 글자는 DejaVu Sans 로
        break
"""
FONT_CELL_SUMMARY = "Colab에서 한글 그래프가 깨지지 않게 글꼴을 설치합니다"

# "# 그림 설명: 예측값과 실제값을 비교한 산점도" gives the next plot of the cell its alt text.
ALT_COMMENT = re.compile(r"^\s*#\s*그림 설명\s*:\s*(.+?)\s*$", re.MULTILINE)


@dataclass(frozen=True)
class NotebookFigure:
    """One plot of an executed notebook, as the site shows it."""

    cell: int  # index in the published notebook's cells
    output: int  # index in that cell's outputs (the output holding the PNG)
    light: str  # SVG text, transparent background
    dark: str  # the same with the dark palette
    alt: str


@dataclass(frozen=True)
class NotebookSource:
    source: Path  # notebooks/<group>/<name>.py
    name: str  # "<group>/<name>"
    key: str

    @property
    def site_uri(self) -> str:
        return f"notebooks/{self.name}.ipynb"


@dataclass
class NotebookReport:
    notebooks: dict[str, Path]  # site uri -> executed .ipynb in the cache (<cache>/<key>/<site uri>)
    executed: int
    cached: int
    seconds: float

    def summary(self) -> str:
        return (
            f"노트북 {len(self.notebooks)}개: 새로 실행 {self.executed}개, 캐시 {self.cached}개 "
            f"({self.seconds:.1f}초)"
        )


def discover_notebooks(notebooks_dir: Path, figures_dir: Path) -> list[NotebookSource]:
    notebooks_dir = notebooks_dir.resolve()
    if not notebooks_dir.is_dir():
        return []
    shared = shared_fingerprint(figures_dir.resolve())
    sources = []
    for path in notebook_sources(notebooks_dir):
        name = path.relative_to(notebooks_dir).with_suffix("").as_posix()
        digest = hashlib.sha256()
        for part in (RUNNER_SOURCE, KERNEL, SETUP_CODE, shared, name):
            digest.update(part.encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
        sources.append(NotebookSource(path, name, digest.hexdigest()[:32]))
    return sources


def build_notebooks(
    notebooks_dir: Path, figures_dir: Path, cache_dir: Path, *, timeout: float = 120.0
) -> NotebookReport:
    """Execute every notebook whose inputs changed; raise on the first failing one."""
    started = time.monotonic()
    executed, notebooks = 0, {}
    for source in discover_notebooks(notebooks_dir, figures_dir):
        target = cache_dir / source.key / source.site_uri
        if not is_valid_notebook(target):
            notebook = execute(source, figures_dir.resolve(), timeout)
            figures = extract_figures(source, notebook)
            # Figures first: a notebook without its figures file is not a cache hit.
            write_text_atomically(json.dumps([vars(f) for f in figures], ensure_ascii=False), figures_path(target))
            write_text_atomically(nbformat_text(notebook), target)
            executed += 1
        notebooks[source.site_uri] = target
    return NotebookReport(notebooks, executed, len(notebooks) - executed, time.monotonic() - started)


def display_path(source: NotebookSource) -> str:
    return f"notebooks/{source.name}.py"


def check_header(source: NotebookSource, text: str) -> None:
    """jupytext silently turns a broken '# ---' header into a cell; we say so."""
    import yaml

    lines = text.splitlines()
    if not lines or lines[0].strip() != "# ---":
        return
    end = next((n for n, line in enumerate(lines[1:], 1) if line.strip() == "# ---"), None)
    if end is None:
        raise CourseBuildError(f"{display_path(source)}:1: '# ---' 로 시작한 머리말이 '# ---' 로 닫히지 않았습니다.")
    header = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines[1:end])
    try:
        yaml.safe_load(header)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 2}" if mark else ":1"
        raise CourseBuildError(
            f"{display_path(source)}{where}: 노트북 머리말(# --- 사이)이 올바른 YAML 이 아닙니다: "
            f"{getattr(error, 'problem', error)}"
        ) from None


def read_source(source: NotebookSource):
    import jupytext

    try:
        check_header(source, source.source.read_text(encoding="utf-8"))
        notebook = jupytext.read(source.source, fmt="py:percent")
    except CourseBuildError:
        raise
    except UnicodeDecodeError as error:
        raise CourseBuildError(
            f"{display_path(source)}: UTF-8 텍스트가 아닙니다 ({error.reason}, {error.start}번째 바이트). "
            "편집기에서 UTF-8 로 다시 저장하세요."
        ) from None
    except Exception as error:  # jupytext raises many kinds; all mean "fix the file"
        raise CourseBuildError(
            f"{display_path(source)}: 노트북으로 읽을 수 없습니다 ({type(error).__name__}: {error}). "
            "jupytext percent 형식인지(# %% 로 셀 구분) 확인하세요."
        ) from None
    if not any(cell.cell_type == "code" for cell in notebook.cells):
        raise CourseBuildError(
            f"{display_path(source)}: 코드 셀이 하나도 없습니다. 셀은 '# %%' 줄로 시작합니다 "
            "(설명 셀은 '# %% [markdown]')."
        )
    return notebook


def execute(source: NotebookSource, figures_dir: Path, timeout: float):
    """Run the notebook in a fresh kernel; the whole run may take ``timeout`` seconds."""
    import nbformat
    from nbclient import NotebookClient

    notebook = read_source(source)
    leading_text = next(
        (index for index, cell in enumerate(notebook.cells) if cell.cell_type != "markdown"), len(notebook.cells)
    )
    font_cell = nbformat.v4.new_code_cell(FONT_CELL, metadata={INJECTED: "font"})
    notebook.cells.insert(leading_text, font_cell)  # after the title, before the first code
    setup = nbformat.v4.new_code_cell(SETUP_CODE.format(figures_dir=str(figures_dir), marker=FIGURE_MARKER), metadata={INJECTED: "setup"})
    notebook.cells.insert(0, setup)
    deadline = time.monotonic() + timeout
    current: dict = {}  # index of the cell running now, for the error message
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        allow_errors=False,
        timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
        resources={"metadata": {"path": str(source.source.parent)}},
        # The kernel would warn on every start that local TCP is unencrypted.
        extra_arguments=["--IPKernelApp.log_level=ERROR"],
        on_cell_start=lambda cell, cell_index: current.update(index=cell_index),
    )
    run_client(client, source, notebook, timeout, current)
    broken = failed_cell(notebook)  # e.g. a display formatter that raised: the kernel only reports it
    if broken is not None:
        error = next(o for o in notebook.cells[broken].outputs if o.get("output_type") == "error")
        raise CourseBuildError(
            f"{display_path(source)}{cell_location(source, notebook, broken)}: 셀의 출력을 만드는 중 오류가 "
            f"났습니다.\n  {error.get('ename')}: {error.get('evalue')}"
        )
    notebook.cells.pop(0)  # the setup cell is ours, not the author's
    for number, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{number}"  # stable ids: same source, same bytes
        cell.get("metadata", {}).pop("execution", None)  # timestamps would change every run
        if cell.cell_type == "code":
            cell["outputs"] = merged_streams(cell.get("outputs", []))
        if cell.cell_type == "code" and cell.get("execution_count"):
            cell["execution_count"] -= 1  # so the author's first cell is [1], not [2]
            for output in cell.get("outputs", []):
                if output.get("execution_count"):
                    output["execution_count"] -= 1
    return notebook


def merged_streams(outputs: list) -> list:
    """Consecutive prints to one stream as one output.

    The kernel flushes stdout whenever it likes, so the same cell arrives as
    one block in one run and six in the next; merged, two runs are identical.
    """
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and output.get("output_type") == "stream"
            and previous.get("output_type") == "stream"
            and previous.get("name") == output.get("name")
        ):
            previous["text"] = previous["text"] + output["text"]
        else:
            merged.append(output)
    return merged


def extract_figures(source: NotebookSource, notebook) -> list[NotebookFigure]:
    """Take the site's SVG renderings out of the notebook; give every image its alt text.

    Also drops the bookkeeping metadata of the injected cells, which readers
    of the published notebook need not see. Images that are not matplotlib
    figures (``IPython.display.Image``) get an entry without SVG text: the
    page shows their PNG, but they too need a '# 그림 설명:' line.
    """
    figures = []
    for index, cell in enumerate(notebook.cells):
        injected = cell.get("metadata", {}).pop(INJECTED, None)
        if cell.cell_type != "code":
            continue
        comments = ALT_COMMENT.findall(cell.source)
        images = 0
        for number, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            drawn = data.get("application/json")
            drawn = drawn.pop(FIGURE_MARKER, None) if isinstance(drawn, dict) else None
            if drawn is not None and not data["application/json"]:
                del data["application/json"]
            if drawn is None and not any(kind in data for kind in IMAGE_TYPES):
                continue
            images += 1
            alt = comments[images - 1] if images <= len(comments) else plain_title(" / ".join((drawn or {}).get("titles", [])))
            if not alt and not injected:
                raise CourseBuildError(
                    f"{display_path(source)}{author_cell_location(source, notebook, index)}: {images}번째 그림에 "
                    "설명이 없습니다. 화면을 볼 수 없는 독자에게 읽어 줄 글이 필요합니다. "
                    "ax.set_title(...) 로 제목을 붙이거나, 셀에 '# 그림 설명: 무엇을 보여 주는 그림인지' "
                    "주석을 한 줄 쓰세요(그림이 여럿이면 그림마다 한 줄씩, 그리는 순서대로)."
                )
            drawn = drawn or {"light": "", "dark": ""}
            figures.append(NotebookFigure(index, number, drawn["light"], drawn["dark"], alt))
    return figures


def plain_title(title: str) -> str:
    """A matplotlib title as plain text: '$R^2$ = 0.45' -> 'R² = 0.45'."""
    title = title.replace("^2", "²").replace("^{2}", "²")
    return re.sub(r"[${}\\]", "", title).strip()


def author_cell_location(source: NotebookSource, notebook, index: int) -> str:
    """' 셀 5 (42번째 줄)' for cell ``index`` of the published notebook (font cell not counted)."""
    font_cells = sum(1 for cell in notebook.cells[:index] if cell.cell_type == "code" and cell.source == FONT_CELL)
    number = index + 1 - font_cells
    first_line = notebook.cells[index].source.splitlines()[0] if notebook.cells[index].source else ""
    text = source.source.read_text(encoding="utf-8")
    line = next((n for n, row in enumerate(text.splitlines(), 1) if first_line and row == first_line), None)
    return f" 셀 {number}" + (f" ({line}번째 줄)" if line else "")


def figures_path(notebook_path: Path) -> Path:
    """Where the site's renderings of a cached notebook's plots are kept."""
    return notebook_path.with_suffix(".figures.json")


def read_figures(notebook_path: Path) -> list[NotebookFigure]:
    return [NotebookFigure(**entry) for entry in json.loads(figures_path(notebook_path).read_text(encoding="utf-8"))]


def run_client(client, source: NotebookSource, notebook, timeout: float, current: dict) -> None:
    """Execute, turning nbclient's exceptions into a maintainer's error message."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    try:
        client.execute(cleanup_kc=True)  # stop the kernel and close its sockets, even on error
    except CellTimeoutError:
        cell = current.get("index")
        raise CourseBuildError(
            f"{display_path(source)}{cell_location(source, notebook, cell)}: 노트북 전체가 {timeout:g}초 안에 "
            "끝나지 않아 중단했습니다. 계산을 줄이거나 mkdocs.yml 의 extra.notebooks.timeout 을 늘리세요."
        ) from None
    except CellExecutionError as error:
        cell = failed_cell(notebook) or current.get("index")
        raise CourseBuildError(
            f"{display_path(source)}{cell_location(source, notebook, cell)}: 셀 실행 중 오류가 났습니다.\n  "
            + f"{error.ename}: {error.evalue}".replace("\n", "\n  ")
            + "\n  그 셀을 고친 뒤 다시 빌드하세요. (노트북을 처음부터 끝까지 실행해 확인할 수 있습니다.)"
        ) from None
    except DeadKernelError as error:
        raise CourseBuildError(f"{display_path(source)}: 커널이 갑자기 종료되었습니다 ({error}).") from None


def failed_cell(notebook) -> int | None:
    for index, cell in enumerate(notebook.cells):
        if any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            return index
    return None


def cell_location(source: NotebookSource, notebook, index: int | None) -> str:
    """' 셀 5 (42번째 줄)': cell ``index`` of the run, numbered as in the author's source."""
    if index is None or notebook.cells[index].metadata.get(INJECTED):
        return ""
    number = sum(1 for cell in notebook.cells[: index + 1] if not cell.metadata.get(INJECTED))
    text = source.source.read_text(encoding="utf-8")
    first_line = notebook.cells[index].source.splitlines()[0] if notebook.cells[index].source else ""
    line = next((n for n, row in enumerate(text.splitlines(), 1) if first_line and row == first_line), None)
    return f" 셀 {number}" + (f" ({line}번째 줄)" if line else "")


def is_valid_notebook(path: Path) -> bool:
    """A cached notebook counts only if it validates as nbformat and its figures file reads."""
    import nbformat

    try:
        nbformat.validate(nbformat.read(path, as_version=4))
        read_figures(path)
        return True
    except (OSError, ValueError, TypeError, nbformat.ValidationError, json.JSONDecodeError):
        return False


def nbformat_text(notebook) -> str:
    import nbformat

    return nbformat.writes(notebook) + "\n"


def write_text_atomically(text: str, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def colab_url(repo_url: str, branch: str, site_uri: str) -> str:
    """Colab opens notebooks from GitHub: github.com/<owner>/<repo> -> colab link."""
    owner_repo = repo_url.rstrip("/").removesuffix(".git").split("github.com/", 1)[-1]
    return f"https://colab.research.google.com/github/{owner_repo}/blob/{branch}/{site_uri}"

