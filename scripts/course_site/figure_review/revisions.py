"""The two revisions under review and every figure each of them draws.

The older revision is exported with ``git archive`` into a temporary folder
and drawn by *its own* ``scripts/render_figures.py``: a pull request that
changes the figure pipeline itself then shows what that change does to the
pictures. Both revisions share the repository's ``.cache/`` (its entries are
content-addressed, see ``course_site.figures.cache``), so a figure that is the
same on both sides is drawn at most once, and usually not at all.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from course_site.errors import CourseBuildError

# What `--base` means when it is not given: the branch pull requests go into.
DEFAULT_BASE_CANDIDATES = ("main", "origin/main")

# Asks a revision's own style module for the dark twin of each light colour
# (figures/figure_style.py: DARK_VARIANT). Run with that revision's figures/
# as the working directory, so its module is the one imported.
_DARK_PALETTE_PROBE = (
    "import json, sys; sys.path.insert(0, '.'); import figure_style; "
    "print(json.dumps(getattr(figure_style, 'DARK_VARIANT', {})))"
)


@dataclass(frozen=True)
class Revision:
    """One side of the comparison, as the report names it."""

    label: str  # "main 과 갈라진 지점 1a2b3c4" or "작업 트리"
    commit: str | None  # full hash; None for the working tree


@dataclass(frozen=True)
class DrawnFigure:
    """One figure as drawn by one revision."""

    name: str  # "seminar04/ai_ml_dl", the path below figures/ without suffix
    variants: dict[str, Path]  # "light" -> SVG file; more when the pipeline writes more

    @property
    def script(self) -> str:
        return f"figures/{self.name}.py"


@dataclass
class DrawnRevision:
    revision: Revision
    root: Path  # the folder the revision was drawn from
    figures: dict[str, DrawnFigure] = field(default_factory=dict)
    dark_palette: dict[str, str] = field(default_factory=dict)  # light colour -> dark twin


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, encoding="utf-8", check=False
    )
    if result.returncode != 0:
        raise CourseBuildError(
            f"git {' '.join(args)} 이(가) 실패했습니다 ({repo}):\n  {result.stderr.strip()}"
        )
    return result.stdout.strip()


def resolve_base(repo: Path, base: str | None) -> Revision:
    """The merge base of ``base`` (default: main) with HEAD: what the pull request started from."""
    candidates = (base,) if base else DEFAULT_BASE_CANDIDATES
    for candidate in candidates:
        probe = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}"],
            cwd=repo,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        if probe.returncode == 0:
            commit = git(repo, "merge-base", candidate, "HEAD")
            if commit == probe.stdout.strip():  # HEAD grew from it, e.g. HEAD^1 in CI
                return Revision(f"{candidate} ({commit[:7]})", commit)
            return Revision(f"{candidate} 와(과) 갈라진 지점 {commit[:7]}", commit)
    wanted = " 또는 ".join(f"'{c}'" for c in candidates)
    raise CourseBuildError(
        f"비교 기준 리비전 {wanted} 을(를) 이 저장소({repo})에서 찾지 못했습니다.\n"
        "  --base 로 브랜치나 커밋을 지정하세요. 예: --base origin/main 또는 --base HEAD~1\n"
        "  (CI 처럼 얕게 받은 저장소라면 그 커밋까지 받아 와야 합니다: git fetch --depth=2)"
    )


def export_revision(repo: Path, commit: str, target: Path) -> Path:
    """The tree of ``commit`` as plain files in ``target``, sharing ``repo``'s render cache."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", commit], cwd=repo, capture_output=True, check=False
    )
    if archive.returncode != 0:
        raise CourseBuildError(
            f"커밋 {commit[:7]} 을(를) 꺼내지 못했습니다 (git archive):\n  "
            + archive.stderr.decode("utf-8", "replace").strip()
        )
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    cache = repo / ".cache"
    cache.mkdir(exist_ok=True)
    (target / ".cache").symlink_to(cache.resolve(), target_is_directory=True)
    return target


def draw_revision(revision: Revision, root: Path, out: Path, *, timeout: float) -> DrawnRevision:
    """Every figure of the project in ``root``, drawn by its own render_figures.py into ``out``."""
    drawn = DrawnRevision(revision, root)
    if not (root / "figures").is_dir():
        return drawn  # a revision from before the first figure: everything is new
    renderer = root / "scripts" / "render_figures.py"
    if not renderer.is_file():
        raise CourseBuildError(
            f"{revision.label}: scripts/render_figures.py 가 없어 그 리비전의 그림을 그릴 수 없습니다.\n"
            "  그림 파이프라인이 들어온 뒤의 커밋을 --base 로 지정하세요."
        )
    result = subprocess.run(
        [sys.executable, str(renderer), "--out", str(out), "--timeout", f"{timeout:g}"],
        cwd=root,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONIOENCODING="utf-8"),
        check=False,
    )
    if result.returncode != 0:
        raise CourseBuildError(
            f"{revision.label}의 그림을 그리지 못했습니다 (scripts/render_figures.py 종료 코드 "
            f"{result.returncode}). 아래 오류를 고친 뒤 다시 실행하세요.\n\n{result.stderr.strip()}"
        )
    drawn.figures = collect_drawn(out)
    drawn.dark_palette = dark_palette(root / "figures")
    return drawn


def collect_drawn(out: Path) -> dict[str, DrawnFigure]:
    """Group render_figures.py's output by figure.

    ``x.svg`` is the figure as drawn; ``x.dark.svg`` (older pipelines) its dark
    twin; any other ``x.<variant>.svg`` another variant the pipeline may add.
    """
    variants: dict[str, dict[str, Path]] = {}
    for path in sorted(out.rglob("*.svg")):
        relative = path.relative_to(out)
        stem, _, rest = relative.name.partition(".")
        variant = rest.removesuffix("svg").rstrip(".") or "light"
        variants.setdefault((relative.parent / stem).as_posix(), {})[variant] = path
    return {name: DrawnFigure(name, files) for name, files in sorted(variants.items())}


def dark_palette(figures_dir: Path) -> dict[str, str]:
    """The revision's own light -> dark colour map, or {} if its style module has none."""
    if not (figures_dir / "figure_style.py").is_file():
        return {}
    result = subprocess.run(
        [sys.executable, "-c", _DARK_PALETTE_PROBE],
        cwd=figures_dir,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, MPLBACKEND="Agg"),
        check=False,
    )
    if result.returncode != 0:
        return {}  # render_figures.py already reported a broken style module
    palette = json.loads(result.stdout.strip().splitlines()[-1])
    return {light.lower(): dark for light, dark in palette.items()}


def script_text(drawn: DrawnRevision, script: str) -> str | None:
    path = drawn.root / script
    return path.read_text(encoding="utf-8") if path.is_file() else None
