"""Find figure scripts and describe them without running them.

The contract of a figure script ``figures/<group>/<name>.py``:

- its module docstring's first line is the default caption (Korean);
- it defines ``draw(rng)`` (or ``draw()``) that builds and *returns* a
  matplotlib ``Figure``; ``rng`` is a ``numpy.random.Generator`` seeded by the
  runner, the only source of randomness a script should use;
- it may declare ``INPUTS = ["data.csv", ...]``: files (relative to the
  script's folder) it reads, so that editing them re-renders the figure;
- it never saves, shows, writes files or opens network connections: the
  runner saves the figure as ``figures/<group>/<name>.svg`` on the site.

Everything here reads scripts as text (``ast``), so discovering figures and
computing cache keys never imports matplotlib or executes author code.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.installed_packages import versions

# The renderer's own text is part of every key: changing how figures are drawn
# or post-processed draws them all again, with no version number to remember.
RENDERER_SOURCE = hashlib.sha256(
    b"".join(
        (Path(__file__).parent / name).read_bytes() for name in ("worker.py", "web_svg.py", "web_fonts.py")
    )
).hexdigest()

# Installed libraries whose version changes what a script draws.
KEYED_DISTRIBUTIONS = ("matplotlib", "numpy", "scipy", "scikit-learn", "pillow", "fonttools", "brotli")


@dataclass(frozen=True)
class FigureSource:
    """One figure script and everything needed to render or cache it."""

    script: Path  # absolute path of the .py file
    name: str  # "seminar04/ai_ml_dl": path below figures/ without suffix
    caption: str  # first docstring line ("" if none; the check reports it)
    inputs: tuple[Path, ...]  # declared input files, absolute
    key: str  # content hash of everything the picture depends on
    seed: int  # seed of the rng given to draw(), stable per figure

    @property
    def svg_uri(self) -> str:
        """Where the figure appears on the site, e.g. figures/seminar04/x.svg."""
        return f"figures/{self.name}.svg"

    @property
    def script_uri(self) -> str:
        """The script below the repository root, e.g. figures/seminar04/x.py."""
        return f"figures/{self.name}.py"


def discover(figures_dir: Path, only: list[Path] | None = None) -> list[FigureSource]:
    """All figure scripts below ``figures_dir`` (sorted), or just ``only``.

    Scripts directly in ``figures_dir`` are shared modules, not figures; so
    are files whose name starts with an underscore.
    """
    figures_dir = figures_dir.resolve()
    misplaced_figures(figures_dir)
    scripts = sorted(
        path
        for path in figures_dir.glob("*/**/*.py")
        if not path.name.startswith("_") and "__pycache__" not in path.parts
    )
    if only is not None:
        wanted = {path.resolve() for path in only}
        unknown = sorted(wanted - set(scripts))
        if unknown:
            raise CourseBuildError(
                "그림 스크립트가 아닙니다: "
                + ", ".join(str(path) for path in unknown)
                + f"\n  그림 스크립트는 {figures_dir}/<묶음>/<이름>.py 에 있어야 합니다."
            )
        scripts = [path for path in scripts if path in wanted]
    shared = shared_fingerprint(figures_dir)
    return [describe(script, figures_dir, shared) for script in scripts]


def misplaced_figures(figures_dir: Path) -> None:
    """A figure script saved directly in figures/ is never drawn: say so.

    Files there are shared modules (figure_style.py), so discovery skips them;
    one that defines ``draw`` was meant to be a figure and would otherwise be
    ignored without a word, or reported as "no script" when a page uses it.
    """
    misplaced = []
    for path in sorted(figures_dir.glob("*.py")):
        if path.name.startswith("_"):
            continue
        try:
            tree = ast.parse(path.read_bytes(), filename=str(path))
        except (SyntaxError, ValueError):
            continue  # a broken shared module is reported when a figure imports it
        draw = next(
            (node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == "draw"), None
        )
        if draw is not None:
            misplaced.append(f"  {script_display_path(path, figures_dir)}:{draw.lineno}")
    if misplaced:
        raise CourseBuildError(
            "figures/ 바로 아래에 draw 함수가 있는 그림 스크립트가 있습니다. 그 자리의 파일은 여러 그림이 함께 쓰는 "
            "모듈로만 읽혀 그림으로 그려지지 않습니다:\n"
            + "\n".join(misplaced)
            + "\n  그림이라면 묶음 폴더로 옮기세요 (예: figures/seminar05/<이름>.py, 페이지에서는 "
            "../figures/seminar05/<이름>.svg). 공용 모듈이라면 함수 이름을 draw 가 아닌 것으로 바꾸세요."
        )


def shared_fingerprint(figures_dir: Path) -> str:
    """Hash of what every figure depends on: shared modules, fonts, library versions.

    The figure and notebook pipelines both ask for it in every build, and it
    hashes the fonts (9 MB): the hash is kept for the process (a ``mkdocs
    serve`` session) while every shared file keeps its inode, size and
    modification time and the same library versions are installed.
    """
    shared_files = sorted(figures_dir.glob("*.py")) + sorted(figures_dir.glob("fonts/*"))
    signature = tuple((path, *_file_state(path)) for path in shared_files)
    return _shared_fingerprint(figures_dir, signature, versions(KEYED_DISTRIBUTIONS))


def _file_state(path: Path) -> tuple[int, int, int]:
    state = path.stat()
    return state.st_ino, state.st_size, state.st_mtime_ns


@functools.lru_cache(maxsize=4)
def _shared_fingerprint(
    figures_dir: Path, signature: tuple[tuple[Path, int, int, int], ...], library_versions: tuple[tuple[str, str], ...]
) -> str:
    digest = hashlib.sha256()
    digest.update(f"renderer {RENDERER_SOURCE}\n".encode())
    digest.update(f"python {sys.version_info.major}.{sys.version_info.minor}\n".encode())
    for dist, version in library_versions:
        digest.update(f"{dist} {version}\n".encode())
    for path, *_ in signature:
        digest.update(path.relative_to(figures_dir).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def describe(script: Path, figures_dir: Path, shared: str) -> FigureSource:
    name = script.relative_to(figures_dir).with_suffix("").as_posix()
    source = script.read_bytes()
    display = script_display_path(script, figures_dir)
    try:
        tree = ast.parse(source, filename=str(script))
    except SyntaxError as error:
        raise CourseBuildError(
            f"{display}:{error.lineno}: 파이썬 문법 오류: {error.msg}\n"
            "  이 줄을 고친 뒤 다시 빌드하세요."
        ) from None
    caption = first_docstring_line(tree)
    inputs = declared_inputs(tree, script, display)

    digest = hashlib.sha256()
    digest.update(shared.encode())
    digest.update(name.encode() + b"\0")
    digest.update(hashlib.sha256(source).digest())
    for path in inputs:
        digest.update(path.relative_to(script.parent).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return FigureSource(
        script=script,
        name=name,
        caption=caption,
        inputs=inputs,
        key=digest.hexdigest()[:32],
        seed=zlib.crc32(name.encode()),
    )


def script_display_path(script: Path, figures_dir: Path) -> str:
    """The path a maintainer recognises: figures/seminar04/x.py."""
    return (Path(figures_dir.name) / script.relative_to(figures_dir)).as_posix()


def first_docstring_line(tree: ast.Module) -> str:
    docstring = ast.get_docstring(tree) or ""
    return docstring.strip().splitlines()[0].strip() if docstring.strip() else ""


def declared_inputs(tree: ast.Module, script: Path, display: str) -> tuple[Path, ...]:
    """Files named by a module-level ``INPUTS = [...]`` (literal strings only)."""
    for node in tree.body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if not (isinstance(target, ast.Name) and target.id == "INPUTS"):
            continue
        try:
            names = ast.literal_eval(node.value)
        except ValueError:
            names = None
        if not isinstance(names, (list, tuple)) or not all(isinstance(n, str) for n in names):
            raise CourseBuildError(
                f"{display}:{node.lineno}: INPUTS 는 문자열 목록이어야 합니다. "
                '예: INPUTS = ["data/scores.csv"] (스크립트 폴더 기준 경로)'
            )
        paths = []
        for entry in names:
            path = (script.parent / entry).resolve()
            if not path.is_file():
                raise CourseBuildError(
                    f"{display}:{node.lineno}: INPUTS 에 적힌 파일 '{entry}' 이(가) 없습니다 "
                    f"({path}). 파일을 추가하거나 INPUTS 에서 빼세요."
                )
            paths.append(path)
        return tuple(paths)
    return ()
