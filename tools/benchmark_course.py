"""Synthetic courses for the build benchmark: N seminar pages made from seminar 04.

A course of N pages is the project with its term folders replaced by N
seminars spread over terms, newest term first, ``SEMINARS_PER_TERM`` to a
term, as a club that has run for years would have them. Every page is
seminar 04 with its Hangul words shuffled across the page by a generator
seeded with the page's index: the same vocabulary, headings, figures, tables
and links, but no paragraph equal to another page's, so no cache can serve one
page for another (headings and link targets keep their words: the page's own
anchor links must still resolve; a particle glued to an English term stays
with it). A course of one page is the real site, unchanged.

The stock twin is the same Markdown built by Material alone (see
``stock_config``): no hooks, the figures as pre-drawn SVG files, the term
pages written out as the hook would make them.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from course_site.project_copy import copy_project
from course_site.terms import parse_term

SEED_PAGE = Path("docs/2022-2/04-what-to-do-with-data.md")
SEMINARS_PER_TERM = 12
NEWEST_TERM = (2026, 2)
PRESENTERS = ("keonju", "minji", "seoyeon", "jihun", "hyunwoo")

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# A Hangul word, unless it is glued to a Latin word or a number: that is a
# particle or ending (Transformer는, GPT-3의), and a shuffled one would make
# forms no writer uses (Transformer데이터를). At 500 pages the shuffle made 648
# index words that start with "transformer" where the seed has 4, and a search
# for it expanded to all of them. (Hangul in the look-behind keeps a match from
# starting in the middle of a glued run.)
_HANGUL_WORD = re.compile(r"(?<![A-Za-z0-9가-힣])[가-힣]+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LINK_TARGET = re.compile(r"(\]\([^)]*\))")
_TERM_FOLDER = re.compile(r"^(?:19|20)\d\d-(?:1|2|summer|winter)$")


@dataclass(frozen=True)
class SeminarPage:
    index: int  # 0-based position in the course; 0 keeps seminar 04's text
    term: str  # term folder, e.g. "2026-2"
    number: int
    path: str  # relative to docs/, e.g. "2026-2/03-what-to-do-with-data.md"
    title: str
    text: str  # the whole file, front matter included


def term_keys(count: int) -> list[str]:
    """``count`` regular terms, newest first: 2026-2, 2026-1, 2025-2, ..."""
    year, part = NEWEST_TERM
    keys = []
    for _ in range(count):
        keys.append(f"{year}-{part}")
        year, part = (year, 1) if part == 2 else (year - 1, 2)
    return keys


def seminar_pages(seed_text: str, count: int) -> list[SeminarPage]:
    """``count`` distinct seminar pages made from ``seed_text`` (a page with front matter)."""
    match = _FRONT_MATTER.match(seed_text)
    if match is None:
        raise ValueError("seed page has no front matter")
    body = seed_text[match.end():]
    base_title = re.sub(r"^\d+\s+", "", _front_matter_value(seed_text, "title").strip('"'))
    summary = _front_matter_value(seed_text, "summary")
    terms = term_keys((count + SEMINARS_PER_TERM - 1) // SEMINARS_PER_TERM)
    pages = []
    for index in range(count):
        term = terms[index // SEMINARS_PER_TERM]
        number = index % SEMINARS_PER_TERM + 1
        rng = random.Random(index)
        if index == 0:
            title, page_summary, page_body = base_title, summary, body
        else:
            # One shuffle of the page's words: title, summary and body share it.
            title, page_summary, page_body = _shuffled([base_title, summary, body], rng)
        title = f"{number:02d} {title}"
        page_body = re.sub(r"^# .*$", f"# {title}", page_body, count=1, flags=re.MULTILINE)
        front = "\n".join(
            [
                "---",
                f'title: "{title}"',
                f"number: {number}",
                f"date: {_seminar_date(term, number).isoformat()}",
                f"presenters: [{PRESENTERS[index % len(PRESENTERS)]}]",
                "tags: [seminar]",
                f"summary: {page_summary}",
                "---",
                "",
            ]
        )
        path = f"{term}/{number:02d}-what-to-do-with-data.md"
        pages.append(SeminarPage(index, term, number, path, title, front + page_body))
    return pages


def make_course(source_root: Path, target: Path, pages: int) -> list[SeminarPage]:
    """A copy of the project at ``target`` whose course has ``pages`` seminar pages.

    One page: the real site as it is. The project's caches come along (the
    first build only fills what they miss) and its ``node_modules`` is linked.
    Returns the seminar pages written (for one page, the real seminar).
    """
    copy_project(source_root, target, with_cache=True)  # the first build is then a warm one
    if (source_root / "node_modules").is_dir():  # KaTeX for the math hook, read where it is
        katex_home = (source_root / "node_modules").resolve()
        (target / "node_modules").symlink_to(katex_home, target_is_directory=True)
    config = target / "mkdocs.yml"
    config.write_text(relaxed_timeouts(config.read_text(encoding="utf-8")), encoding="utf-8")
    seed_text = (source_root / SEED_PAGE).read_text(encoding="utf-8")
    docs = target / "docs"
    if pages == 1:
        return [SeminarPage(0, SEED_PAGE.parent.name, 4, SEED_PAGE.relative_to("docs").as_posix(),
                            _front_matter_value(seed_text, "title").strip('"'), seed_text)]
    for folder in docs.iterdir():
        if folder.is_dir() and _TERM_FOLDER.match(folder.name):
            shutil.rmtree(folder)
    made = seminar_pages(seed_text, pages)
    for page in made:
        path = docs / page.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.text, encoding="utf-8")
    return made


def refresh_machinery(source_root: Path, target: Path) -> None:
    """Bring a course made earlier up to date with the project's code, keeping its pages and caches.

    What builds the site (scripts, templates, figure and notebook scripts,
    mkdocs.yml, the pages outside term folders) comes from ``source_root``
    again, so a course prepared before a change measures the change.
    """
    for part in ("scripts", "overrides", "figures", "notebooks"):
        shutil.rmtree(target / part, ignore_errors=True)
        if (source_root / part).is_dir():
            shutil.copytree(source_root / part, target / part, ignore=shutil.ignore_patterns("__pycache__"))
    config = (source_root / "mkdocs.yml").read_text(encoding="utf-8")
    (target / "mkdocs.yml").write_text(relaxed_timeouts(config), encoding="utf-8")
    for page in (source_root / "docs").iterdir():
        if page.is_file():
            shutil.copy2(page, target / "docs" / page.name)


def make_stock_course(course: Path, target: Path, figures: dict[str, Path], config_text: str) -> None:
    """The stock twin of the course at ``course``: its docs/, ``figures`` as files, ``config_text``.

    ``figures`` maps a site path (``figures/seminar04/x.svg``) to a drawn SVG.
    Term folders without ``index.md`` get the page our hook would generate,
    with the schedule written out as a plain table.
    """
    shutil.copytree(course / "docs", target / "docs")
    for uri, drawn in figures.items():
        path = target / "docs" / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(drawn, path)
    docs = target / "docs"
    for folder in sorted(docs.iterdir()):
        term = parse_term(folder.name) if folder.is_dir() else None
        if term is None or (folder / "index.md").exists():
            continue
        rows = []
        for page in sorted(folder.glob("*.md")):
            title = _front_matter_value(page.read_text(encoding="utf-8"), "title").strip('"')
            rows.append(f"| [{title}]({page.name}) |")
        table = "\n".join(["| 세미나 |", "|---|", *rows])
        (folder / "index.md").write_text(
            f"---\ntitle: {term.title}\n---\n\n# {term.title}\n\n{table}\n", encoding="utf-8"
        )
    (target / "mkdocs.yml").write_text(config_text, encoding="utf-8")


def stock_config(our_config: str) -> str:
    """Material alone, with our ``markdown_extensions`` (taken verbatim from our mkdocs.yml)."""
    match = re.search(r"^markdown_extensions:\n(?:(?:[ \t]+.*|[ \t]*)\n?)*", our_config, re.MULTILINE)
    extensions = match.group(0).rstrip() + "\n" if match else ""
    return (
        "site_name: stock\n"
        "docs_dir: docs\n"
        "theme:\n  name: material\n  language: ko\n  font: false\n"
        "plugins:\n  - search\n" + extensions
    )


def relaxed_timeouts(config_text: str, factor: int = 10) -> str:
    """Our config with the figure and notebook time limits ``factor`` times longer.

    On a machine shared with other work a figure can take longer than its
    limit; the benchmark measures time, it does not enforce limits.
    """
    return re.sub(
        r"^(\s+timeout:\s*)(\d+)",
        lambda match: f"{match.group(1)}{int(match.group(2)) * factor}",
        config_text,
        flags=re.MULTILINE,
    )


# Helper functions -------------------------------------------------------------


def _front_matter_value(text: str, key: str) -> str:
    match = re.search(rf"^{key}:\s*(.*)$", text, re.MULTILINE)
    return match.group(1).strip() if match else ""


def _shuffled(texts: list[str], rng: random.Random) -> list[str]:
    """``texts`` with their Hangul words permuted among each other.

    Kept as they are: code, headings (links to them carry their words), link
    targets, and the Hangul glued to a Latin word or a number (_HANGUL_WORD).
    """
    words: list[str] = []
    for text in texts:
        for part, kept in _parts(text):
            if not kept:
                words.extend(_HANGUL_WORD.findall(part))
    rng.shuffle(words)
    supply = iter(words)

    def refill(part: str) -> str:
        return _HANGUL_WORD.sub(lambda _: next(supply), part)

    return ["".join(part if kept else refill(part) for part, kept in _parts(text)) for text in texts]


def _parts(text: str):
    """(piece of ``text``, keep as is?), in order, covering all of it."""
    in_code = False
    for line in text.splitlines(keepends=True):
        fence = bool(_FENCE.match(line))
        if in_code or fence or line.startswith("#"):
            yield line, True
        else:
            # Odd pieces are link targets "](...)".
            for number, piece in enumerate(_LINK_TARGET.split(line)):
                yield piece, number % 2 == 1
        if fence:
            in_code = not in_code


def _seminar_date(term: str, number: int) -> dt.date:
    """Weekly seminars from the start of the term (March or September)."""
    year, part = term.split("-")
    start = dt.date(int(year), 3 if part == "1" else 9, 2)
    return start + dt.timedelta(weeks=number - 1)
