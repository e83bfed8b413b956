"""A figure worker process: renders the figure scripts it is sent, one at a time.

Started by ``render_pool`` as
``python -m course_site.figures.worker FIGURES_DIR TEMP_DIR LIMITS_JSON``.
It reads one JSON job per line on stdin and answers one JSON result per line
on the original stdout. Scripts' own prints are sent to stderr so they cannot
break that protocol. A fresh process per build (never a thread, never a fork)
keeps pyplot's global state and native threads out of the MkDocs process.
Once its own imports and the shared style are loaded, the worker fences
itself in (``course_site.sandbox``): memory, CPU time per script and output
are limited, and it may write only inside TEMP_DIR, its working folder.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import inspect
import io
import json
import logging
import os
import re
import sys
import traceback
import warnings
from pathlib import Path

from course_site import sandbox
from course_site.figures.web_fonts import embedded_font_css
from course_site.figures.web_svg import standalone_svg, web_svg

GLYPH_MISSING = r"(?s).*Glyph .* missing from (current )?font"


class ScriptContractError(Exception):
    """The script ran but does not keep the figure contract."""


def main() -> None:
    figures_dir = Path(sys.argv[1]).resolve()
    temp_dir = Path(sys.argv[2]).resolve()
    limits = sandbox.Limits(**json.loads(sys.argv[3]))
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # stray prints go to stderr
    sys.stdout = sys.stderr
    jobs = sys.stdin
    sys.stdin = open(os.devnull, encoding="utf-8")  # a script calling input() must not eat jobs

    os.environ.setdefault("MPLBACKEND", "Agg")
    sys.path.insert(0, str(figures_dir))
    import matplotlib

    matplotlib.use("Agg")
    try:
        import figure_style  # noqa: E402  (needs figures_dir on sys.path)

        figure_style.register_fonts()  # once per process; apply_style re-checks cheaply
    except BaseException as error:  # a broken shared style module fails every figure
        report = failure(error, figures_dir / "figure_style.py", figures_dir)
        protocol.write(json.dumps({"ready": False, **report}, ensure_ascii=False) + "\n")
        protocol.flush()
        return
    # Everything the runner itself needs is imported and warm (fonts, caches):
    # from here on only the author's code runs, inside the fence.
    import matplotlib.pyplot  # noqa: F401
    import numpy  # noqa: F401

    sandbox.ask_libraries_questions_early()
    sandbox.enter_temp_dir(temp_dir)
    sandbox.apply_resource_limits(limits)
    sandbox.install_audit_fence(temp_dir, limits)
    protocol.write(json.dumps({"ready": True}) + "\n")
    protocol.flush()
    for number, line in enumerate(jobs):
        job = json.loads(line)
        sandbox.start_cpu_budget(limits)
        result = render_job(job, figures_dir, figure_style, number, limits)
        protocol.write(json.dumps(result, ensure_ascii=False) + "\n")
        protocol.flush()


def render_job(job: dict, figures_dir: Path, figure_style, number: int, limits: sandbox.Limits) -> dict:
    import matplotlib.pyplot as plt
    import numpy as np

    script = Path(job["script"])
    log_records: list[str] = []
    handler = _ListHandler(log_records)
    mpl_logger = logging.getLogger("matplotlib")
    mpl_logger.addHandler(handler)
    # What the script prints: shown only if it fails, and never more than the limit.
    printed = sandbox.BudgetedStream(io.StringIO(), sandbox.OutputBudget(limits, "스크립트가 출력한 글"))
    try:
        with (
            contextlib.redirect_stdout(printed),
            contextlib.redirect_stderr(printed),
            warnings.catch_warnings(record=True) as caught,
        ):
            warnings.simplefilter("always")
            warnings.filterwarnings("error", message=GLYPH_MISSING)
            figure_style.apply_style()
            module = load_script(script, f"_course_figure_{number}")
            figure = call_draw(module, np.random.default_rng(job["seed"]))
            buffer = io.BytesIO()
            figure.savefig(buffer, format="svg", metadata={"Date": None})
            if buffer.tell() > limits.output_kb * 1024:
                raise sandbox.OutputLimitExceeded(
                    f"그린 SVG 가 {buffer.tell() // 1024}KB 로 한도 {limits.output_kb}KB 를 넘었습니다. 점이 아주 "
                    "많으면 ax.scatter(..., rasterized=True) 로 그 부분만 그림으로 넣거나 데이터를 줄이세요. "
                    + limits.how_to_raise("output_kb", limits.output_kb)
                )
        drawn = web_svg(
            buffer.getvalue().decode("utf-8"),
            job["name"],
            set(figure_style.DARK_VARIANT),
            resolve_fonts,
            characters_of,
        )
        notes = [f"{w.filename}:{w.lineno}: {w.category.__name__}: {w.message}" for w in caught]
        phone_px = figure_style.smallest_text_px_on_phone(drawn.smallest_text_pt, drawn.width_px)
        narrowest = figure_style.narrowest_legible_px(drawn.smallest_text_pt, drawn.width_px)
        return {
            "ok": True,
            "inline": drawn.svg,
            "standalone": standalone_svg(drawn.svg, embedded_font_css(drawn.fonts)),
            "fonts": drawn.fonts,
            "dark_colours": {colour: figure_style.DARK_VARIANT[colour] for colour in drawn.colours},
            "width_px": drawn.width_px,
            "height_px": drawn.height_px,
            "smallest_text_px_on_phone": phone_px,
            "narrowest_px": narrowest,
            "legibility": legibility_note(phone_px, figure_style),
            "warnings": notes + log_records,
        }
    except BaseException as error:  # report everything, even SystemExit from a script
        report = failure(error, script, figures_dir)
        if isinstance(error, MemoryError):
            report["message"] += "\n  " + sandbox.memory_note(limits)
        if printed.getvalue().strip() and not isinstance(error, sandbox.OutputLimitExceeded):
            report["message"] += "\n  스크립트가 출력한 내용:\n    " + "\n    ".join(
                printed.getvalue().strip().splitlines()[-20:]
            )
        return report
    finally:
        mpl_logger.removeHandler(handler)
        plt.close("all")


def load_script(script: Path, module_name: str):
    spec = importlib.util.spec_from_file_location(module_name, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def call_draw(module, rng):
    from matplotlib.figure import Figure

    draw = getattr(module, "draw", None)
    if not callable(draw):
        raise ScriptContractError(
            "draw 함수가 없습니다. 'def draw(rng):' 를 정의하고 Figure 를 반환하세요."
        )
    parameters = inspect.signature(draw).parameters
    figure = draw(rng) if parameters else draw()
    if not isinstance(figure, Figure):
        raise ScriptContractError(
            f"draw() 가 matplotlib Figure 가 아니라 {type(figure).__name__} 을(를) 반환했습니다. "
            "마지막 줄에서 'return fig' 로 Figure 를 반환하세요."
        )
    return figure


def failure(error: BaseException, script: Path, figures_dir: Path) -> dict:
    """Describe a failed script with a traceback trimmed to the author's own files."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [frame for frame in frames if _is_below(frame.filename, figures_dir)]
    script_frames = [frame for frame in own if Path(frame.filename).resolve() == script.resolve()]
    blamed = script
    if isinstance(error, SyntaxError) and error.filename:
        line = error.lineno or 0
        blamed = Path(error.filename)
    elif script_frames:
        line = script_frames[-1].lineno
    elif own:  # raised in a shared module the runner called (figure_style): blame that module
        line, blamed = own[-1].lineno, Path(own[-1].filename)
    else:
        line = 0
    if isinstance(error, sandbox.LimitExceeded):
        message = str(error)  # says which limit and how to change it; the class name adds nothing
    else:
        message = "".join(traceback.format_exception_only(type(error), error)).strip()
    if re.search(GLYPH_MISSING, message):
        message += (
            "\n  (이 글자가 figure_style 의 글꼴에 없습니다. 글자를 바꾸거나 figures/fonts 에 "
            "그 글자가 있는 글꼴을 추가하세요.)"
        )
    trimmed = "".join(traceback.format_list(own)) if own else ""
    file = str(blamed.resolve()) if _is_below(str(blamed), figures_dir) else str(script)
    return {"ok": False, "file": file, "line": line, "message": message, "traceback": trimmed}


def legibility_note(phone_px: float, figure_style) -> str:
    """What to change when the figure's smallest text is too small on a phone ("" if fine)."""
    if not phone_px or phone_px >= figure_style.MIN_TEXT_PX:
        return ""
    return (
        f"휴대폰 화면 폭에 맞추면 가장 작은 글자가 {phone_px:g}px 이라 ({figure_style.MIN_TEXT_PX}px 이상이어야 "
        "읽힙니다) 휴대폰에서는 옆으로 밀어 보는 그림이 됩니다. 글자를 figure_style.SMALL"
        f"({figure_style.SMALL:g}pt) 이상으로 키우거나 그림 폭을 figure_style.WIDTH({figure_style.WIDTH:g}in) "
        "이하로 줄여 다시 그리세요 (첨자도 셉니다)."
    )


@functools.cache
def resolve_fonts(families: tuple[str, ...], weight: str, style: str) -> list[str]:
    """The font files matplotlib used for text in ``families`` (its fallback order)."""
    from matplotlib.font_manager import FontProperties, findfont

    # Mathtext asks for 600; matplotlib drew the nearest weight the fonts have
    # (and said so once while drawing): ask for that one, quietly.
    weight_value = (700 if int(weight) >= 550 else 400) if weight.isdigit() else weight
    paths = []
    for family in families:
        try:
            path = findfont(FontProperties(family=family, weight=weight_value, style=style),
                            fallback_to_default=False)
        except ValueError:  # a family matplotlib itself skipped
            continue
        if str(path) not in paths:
            paths.append(str(path))
    return paths


@functools.cache
def characters_of(font_path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(font_path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _is_below(filename: str, directory: Path) -> bool:
    try:
        Path(filename).resolve().relative_to(directory)
        return True
    except (ValueError, OSError):
        return False


class _ListHandler(logging.Handler):
    def __init__(self, sink: list[str]):
        super().__init__(level=logging.WARNING)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(f"{record.name}: {record.getMessage()}")


if __name__ == "__main__":
    main()
