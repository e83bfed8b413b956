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

Each notebook runs fenced in (``course_site.sandbox``): the setup cell limits
the kernel's memory, CPU time and printed output per cell, and from then on
lets it write only in its own temporary folder, which is also its working
folder, and reach neither the network nor other programs; where the
platform allows, the kernel also starts in a network namespace of its own. The runner
measures each cell's whole output too. Every failing notebook is reported in
one message; the ones that ran are cached all the same.

Notebooks that must run do so side by side, one kernel per CPU: each kernel is
a process of its own, and a course adds notebooks every term.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from course_site.content_cache import prune_unused, write_text_atomically
from course_site.cpus import available_cpus
from course_site.errors import CourseBuildError
from course_site.notebook_links import notebook_sources
from course_site.figures.discover import shared_fingerprint
from course_site.sandbox import NOTEBOOK_LIMITS, Limits, memory_note, network_namespace_prefix

SCRIPTS_DIR = Path(__file__).resolve().parents[1]  # the folder holding course_site/

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

# Last: from here on only the author's cells run, inside the fence.
sys.path.append({scripts_dir!r})
from course_site.sandbox import fence_kernel
fence_kernel(get_ipython(), {temp_dir!r}, {limits!r})
del fence_kernel
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


class SharedStyleError(CourseBuildError):
    """figures/figure_style.py is broken: no notebook can run, and it is not their fault."""


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
    notebooks_dir: Path,
    figures_dir: Path,
    cache_dir: Path,
    *,
    timeout: float = 120.0,
    limits: Limits = NOTEBOOK_LIMITS,
    network_namespace: bool | None = None,
) -> NotebookReport:
    """Execute every notebook whose inputs changed; raise one error naming every failing one.

    The notebooks that ran are cached before the error is raised, so the
    next build runs only the ones that failed. ``network_namespace``: None
    uses one where the platform allows it; tests force it on or off.
    """

    def fence() -> tuple[str, ...]:
        # Asked only when a notebook runs: the check starts a process (unshare), which a build
        # whose notebooks all come from the cache does not need.
        prefix = network_namespace_prefix() if network_namespace is not False else ()
        if network_namespace and not prefix:
            raise RuntimeError("network namespace requested but unshare -rn does not work here")
        return prefix

    started = time.monotonic()
    notebooks, failures = {}, []
    sources = discover_notebooks(notebooks_dir, figures_dir)
    targets = [cache_dir / source.key / source.site_uri for source in sources]
    stale = [index for index, target in enumerate(targets) if not is_valid_notebook(target)]
    outcomes = run_side_by_side([sources[index] for index in stale], figures_dir.resolve(), timeout, limits,
                                fence() if stale else ())
    ran = dict(zip(stale, outcomes))
    # Every notebook would fail the same way: say it once.
    style_error = next((outcome for outcome in outcomes if isinstance(outcome, SharedStyleError)), None)
    if style_error is not None:
        raise style_error
    for index, (source, target) in enumerate(zip(sources, targets)):
        outcome = ran.get(index)
        if isinstance(outcome, CourseBuildError):
            failures.append(str(outcome))
            continue
        if outcome is not None:
            notebook, figures = outcome
            # Figures first: a notebook without its figures file is not a cache hit.
            write_text_atomically(figures_path(target), json.dumps([vars(f) for f in figures], ensure_ascii=False))
            write_text_atomically(target, nbformat_text(notebook))
        notebooks[source.site_uri] = target
    executed = len(stale) - len(failures)
    if failures:
        raise CourseBuildError(
            f"노트북 {len(failures)}개가 실패했습니다. 아래를 고친 뒤 다시 빌드하세요.\n\n" + "\n\n".join(failures)
        )
    prune_unused(cache_dir, {source.key for source in sources})
    return NotebookReport(notebooks, executed, len(notebooks) - executed, time.monotonic() - started)


def run_side_by_side(
    sources: list[NotebookSource],
    figures_dir: Path,
    timeout: float,
    limits: Limits,
    fenced_network: tuple[str, ...],
) -> list:
    """Execute ``sources``, as many at once as there are CPUs; for each, in order, its executed
    notebook and figures, or the CourseBuildError it failed with.

    Threads suffice: each waits on its own kernel process. Each notebook's timeout starts
    when it starts running, not while it waits for a free CPU.
    """

    def run(source: NotebookSource):
        try:
            notebook = execute(source, figures_dir, timeout, limits, fenced_network)
            return notebook, extract_figures(source, notebook)
        except CourseBuildError as error:
            return error

    def run_in_thread(source: NotebookSource):
        try:
            return run(source)
        finally:
            close_thread_loop()

    if len(sources) <= 1:
        return [run(source) for source in sources]
    with ThreadPoolExecutor(max_workers=min(len(sources), available_cpus())) as pool:
        return list(pool.map(run_in_thread, sources))


def close_thread_loop() -> None:
    """Close the asyncio loop nbclient ran on in this thread: jupyter_core makes one for each
    thread and leaves it open, with its sockets."""
    from jupyter_core.utils import ensure_event_loop

    # The loop jupyter_core keeps for this thread (asyncio's policy API, deprecated in Python
    # 3.14, is not needed); a thread whose notebook failed before its kernel started gets a
    # fresh one, closed unused.
    loop = ensure_event_loop()
    asyncio.set_event_loop(None)
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()


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


def execute(
    source: NotebookSource,
    figures_dir: Path,
    timeout: float,
    limits: Limits = NOTEBOOK_LIMITS,
    fenced_network: tuple[str, ...] = (),
):
    """Run the notebook in a fresh, fenced kernel; the whole run may take ``timeout`` seconds.

    With ``fenced_network`` (the ``unshare -rn`` prefix) the kernel starts
    in a network namespace of its own and talks to us over Unix sockets in a
    folder of ours (ZMQ "ipc" transport), since it has no TCP to reach us by.
    """
    notebook = read_source(source)
    temp_dir = Path(tempfile.mkdtemp(prefix="course-notebook-"))
    socket_dir = Path(tempfile.mkdtemp(prefix="course-kernel-"))
    try:
        kernel_manager = fenced_kernel_manager(fenced_network, socket_dir) if fenced_network else None
        return execute_in(source, notebook, figures_dir, timeout, limits, temp_dir, kernel_manager)
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)
        shutil.rmtree(socket_dir, ignore_errors=True)


def fenced_kernel_manager(prefix: tuple[str, ...], socket_dir: Path):
    """A kernel manager that starts the kernel behind ``prefix``, connected over Unix sockets."""
    from jupyter_client.manager import AsyncKernelManager

    class FencedKernelManager(AsyncKernelManager):
        def format_kernel_cmd(self, extra_arguments=None):
            return [*prefix, *super().format_kernel_cmd(extra_arguments)]

    return FencedKernelManager(kernel_name=KERNEL, transport="ipc", ip=str(socket_dir / "kernel"))


def execute_in(
    source: NotebookSource, notebook, figures_dir: Path, timeout: float, limits: Limits, temp_dir: Path, kernel_manager
):
    import nbformat
    from nbclient import NotebookClient

    leading_text = next(
        (index for index, cell in enumerate(notebook.cells) if cell.cell_type != "markdown"), len(notebook.cells)
    )
    font_cell = nbformat.v4.new_code_cell(FONT_CELL, metadata={INJECTED: "font"})
    notebook.cells.insert(leading_text, font_cell)  # after the title, before the first code
    setup_code = SETUP_CODE.format(
        figures_dir=str(figures_dir),
        marker=FIGURE_MARKER,
        scripts_dir=str(SCRIPTS_DIR),
        temp_dir=str(temp_dir),
        limits=asdict(limits),
    )
    setup = nbformat.v4.new_code_cell(setup_code, metadata={INJECTED: "setup"})
    notebook.cells.insert(0, setup)
    deadline = time.monotonic() + timeout
    current: dict = {}  # index of the cell running now, for the error message
    client = NotebookClient(
        notebook,
        km=kernel_manager,
        kernel_name=KERNEL,
        allow_errors=False,
        timeout_func=lambda cell: max(1, int(deadline - time.monotonic())),
        # The kernel works in its own temporary folder: the only place it may write.
        resources={"metadata": {"path": str(temp_dir)}},
        # The kernel would warn on every start that local TCP is unencrypted;
        # its command history would be written to the home folder.
        extra_arguments=["--IPKernelApp.log_level=ERROR", "--HistoryManager.enabled=False"],
        on_cell_start=lambda cell, cell_index: current.update(index=cell_index),
        on_cell_executed=lambda cell, cell_index, execute_reply: check_output_size(
            source, notebook, cell_index, limits
        ),
    )
    # The kernel's own log goes to a file, shown only if the kernel dies: when
    # it is stopped on a timeout, its message loop logs a ZMQ traceback
    # ("Socket operation on non-socket") that says nothing the error does not.
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as kernel_log:
        run_client(client, source, notebook, timeout, current, limits, kernel_log)
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
    authored = len(notebook.cells) - sum(1 for c in notebook.cells if c.cell_type == "code" and c.source == FONT_CELL)
    return numbered_cell(source, number, authored)


def numbered_cell(source: NotebookSource, number: int, authored: int) -> str:
    """' 셀 5 (42번째 줄)': the author's cell ``number`` (from 1) and the line where it starts."""
    starts = cell_start_lines(source.source.read_text(encoding="utf-8"))
    # Only if our reading of the file agrees with jupytext's on how many cells there are.
    line = starts[number - 1] if len(starts) == authored and 0 < number <= len(starts) else None
    return f" 셀 {number}" + (f" ({line}번째 줄)" if line else "")


CELL_MARKER = re.compile(r"^#\s*%%")


def cell_start_lines(text: str) -> list[int]:
    """The line (from 1) where each cell's own text starts in a jupytext percent source.

    Counted from the '# %%' marks, not found by searching for the cell's
    first line, which may well appear earlier in the file too.
    """
    lines = text.splitlines()
    begin = 0
    if lines and lines[0].strip() == "# ---":  # the YAML header is not a cell
        end = next((n for n in range(1, len(lines)) if lines[n].strip() == "# ---"), None)
        begin = end + 1 if end is not None else 0
    markers = [n for n in range(begin, len(lines)) if CELL_MARKER.match(lines[n])]
    bounds = [begin, *markers]
    starts = []
    for number, start in enumerate(bounds):
        stop = bounds[number + 1] if number + 1 < len(bounds) else len(lines)
        body = start if number == 0 else start + 1
        text_line = next((n for n in range(body, stop) if lines[n].strip()), None)
        if number == 0:
            if text_line is not None:  # code before the first mark is a cell of its own
                starts.append(text_line + 1)
            continue
        starts.append((text_line if text_line is not None else start) + 1)
    return starts


def error_line(source: NotebookSource, notebook, index: int | None, traceback_text: str) -> str:
    """' (오류가 난 줄: 44번째 줄)' from IPython's "Cell In[5], line 3" for the failing cell itself.

    The first such frame is the cell that ran; later ones may be functions
    defined in other cells. IPython drops a cell's leading blank lines before
    it runs it, so its line 1 is the line where the cell's text starts.
    """
    match = re.search(r"Cell In\[\d+\], line (\d+)", ANSI.sub("", traceback_text or ""))
    if index is None or match is None or notebook.cells[index].metadata.get(INJECTED):
        return ""
    number = sum(1 for cell in notebook.cells[: index + 1] if not cell.metadata.get(INJECTED))
    authored = sum(1 for cell in notebook.cells if not cell.metadata.get(INJECTED))
    starts = cell_start_lines(source.source.read_text(encoding="utf-8"))
    if len(starts) != authored or not 0 < number <= len(starts):
        return ""
    return f" (오류가 난 줄: {starts[number - 1] + int(match.group(1)) - 1}번째 줄)"


def figures_path(notebook_path: Path) -> Path:
    """Where the site's renderings of a cached notebook's plots are kept."""
    return notebook_path.with_suffix(".figures.json")


def read_figures(notebook_path: Path) -> list[NotebookFigure]:
    return [NotebookFigure(**entry) for entry in json.loads(figures_path(notebook_path).read_text(encoding="utf-8"))]


def check_output_size(source: NotebookSource, notebook, index: int, limits: Limits) -> None:
    """Stop at the first cell whose outputs together are larger than the limit."""
    cell = notebook.cells[index]
    size = sum(len(json.dumps(output, ensure_ascii=False).encode("utf-8")) for output in cell.get("outputs", [])
               if output.get("output_type") != "error")
    if size > limits.output_kb * 1024 and not cell.metadata.get(INJECTED):
        raise CourseBuildError(
            f"{display_path(source)}{cell_location(source, notebook, index)}: 셀 출력이 {size // 1024}KB 로 "
            f"한도 {limits.output_kb}KB 를 넘었습니다. 출력(print, 표, 그림)을 줄이세요. "
            + limits.how_to_raise("output_kb", limits.output_kb)
        )


def run_client(
    client, source: NotebookSource, notebook, timeout: float, current: dict, limits: Limits, kernel_log
) -> None:
    """Execute, turning nbclient's exceptions into a maintainer's error message."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    try:
        # cleanup_kc: stop the kernel and close its sockets, even on error.
        client.execute(cleanup_kc=True, stderr=kernel_log)
    except CellTimeoutError:
        cell = current.get("index")
        raise CourseBuildError(
            f"{display_path(source)}{cell_location(source, notebook, cell)}: 노트북 전체가 {timeout:g}초 안에 "
            "끝나지 않아 중단했습니다. 계산을 줄이거나 mkdocs.yml 의 extra.notebooks.timeout 을 늘리세요."
        ) from None
    except CellExecutionError as error:
        cell = failed_cell(notebook) or current.get("index")
        if cell is not None and notebook.cells[cell].metadata.get(INJECTED) == "setup":
            raise SharedStyleError(style_failure(error)) from None
        if error.ename in ("CpuTimeExceeded", "OutputLimitExceeded"):
            what = error.evalue  # says which limit and how to change it
        else:
            what = f"{error.ename}: {error.evalue}"
            if error.ename.endswith("MemoryError"):
                what += "\n" + memory_note(limits)
        raise CourseBuildError(
            f"{display_path(source)}{cell_location(source, notebook, cell)}: 셀 실행 중 오류가 났습니다"
            f"{error_line(source, notebook, cell, error.traceback)}.\n  "
            + what.replace("\n", "\n  ")
            + "\n  그 셀을 고친 뒤 다시 빌드하세요. (노트북을 처음부터 끝까지 실행해 확인할 수 있습니다.)"
        ) from None
    except DeadKernelError as error:
        cell = current.get("index")
        raise CourseBuildError(
            f"{display_path(source)}{cell_location(source, notebook, cell)}: 커널이 갑자기 종료되었습니다 ({error}). "
            f"메모리 한도 {limits.memory_mb}MB(mkdocs.yml 의 {limits.key('memory_mb')})를 넘었거나 "
            "네이티브 코드가 멈춘 것일 수 있습니다." + kernel_last_words(kernel_log)
        ) from None


def kernel_last_words(kernel_log) -> str:
    kernel_log.seek(0)
    lines = [line for line in kernel_log.read().splitlines() if line.strip()][-10:]
    return ("\n  커널이 남긴 말:\n    " + "\n    ".join(lines)) if lines else ""


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def style_failure(error) -> str:
    """The setup cell failed: name figures/figure_style.py and its line, not a notebook cell."""
    trace = ANSI.sub("", error.traceback or "")
    places = re.findall(r"(?:File \"?)(\S*figure_style\.py)\"?(?::|, line )(\d+)", trace)
    where = f"figures/figure_style.py:{places[-1][1]}" if places else "figures/figure_style.py"
    return (
        f"{where}: 공용 모듈 figures/figure_style.py 를 불러오지 못해 노트북을 실행하지 못했습니다.\n  "
        + f"{error.ename}: {error.evalue}".replace("\n", "\n  ")
        + "\n  그림 스크립트도 같은 모듈을 씁니다: python scripts/render_figures.py 로 확인하세요."
    )


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
    authored = sum(1 for cell in notebook.cells if not cell.metadata.get(INJECTED))
    return numbered_cell(source, number, authored)


def is_valid_notebook(path: Path) -> bool:
    """A cached notebook counts only if it reads as an nbformat 4 notebook and its figures file reads.

    Both files are written atomically (figures first) from a notebook nbformat
    wrote, so a file that reads is a whole one. Not validated against the
    schema again here: that imports nbformat and jsonschema (~0.2 s) on every
    build, also when no notebook changed.
    """
    try:
        notebook = read_executed(path)
        read_figures(path)
    except (OSError, ValueError, TypeError):
        return False
    return (
        isinstance(notebook, dict) and notebook.get("nbformat") == 4 and isinstance(notebook.get("cells"), list)
    )


def read_executed(path: Path) -> dict:
    """A cached executed notebook as the plain JSON nbformat wrote (sources may be lists of lines)."""
    return json.loads(path.read_text(encoding="utf-8"))


def nbformat_text(notebook) -> str:
    import nbformat

    return nbformat.writes(notebook) + "\n"


def colab_url(repo_url: str, branch: str, site_uri: str) -> str:
    """Colab opens notebooks from GitHub: github.com/<owner>/<repo> -> colab link."""
    owner_repo = repo_url.rstrip("/").removesuffix(".git").split("github.com/", 1)[-1]
    return f"https://colab.research.google.com/github/{owner_repo}/blob/{branch}/{site_uri}"

