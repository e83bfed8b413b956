"""MkDocs adapter for math rendered at build time (see course_site.formulas).

``pymdownx.arithmatex`` (generic mode, in mkdocs.yml) marks what is math in
the Markdown; this hook renders every marked formula with KaTeX into HTML,
links KaTeX's stylesheet from the pages that have math (and only those), and
adds the stylesheet and fonts to the site. Broken formulas of all pages are
reported together, each with docs/<page>.md:<line>, before any page is written.

MkDocs keeps this module loaded across rebuilds of ``mkdocs serve``, so the
only state is ``_build``, replaced in ``on_config`` at the start of each build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from course_site.errors import CourseBuildError
from course_site.formulas import FormulaErrors, MathRenderer, math_for_search, render_marked_math
from course_site.formulas.assets import (
    STYLESHEET_URI,
    find_katex_assets,
    katex_packages,
    missing_assets_message,
)
from course_site.formulas.markup import without_math_delimiters
from course_site.formulas.source_lines import formula_lines
from plugin_errors import reports_course_errors

log = get_plugin_logger("math")

_build: dict = {}


# Hooks ------------------------------------------------------------------------


def on_config(config):
    _build.clear()
    root = Path(config.config_file_path).parent
    _build.update(
        root=root,
        docs=Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix(),
        renderer=MathRenderer(root / ".cache" / "math"),
        assets=None,
        pages_with_math=set(),
        problems=[],
    )


@reports_course_errors
def on_files(files, config):
    _build["assets"] = find_katex_assets(katex_packages(_build["root"]))
    if _build["assets"] is not None:
        for uri, source in _build["assets"].files().items():
            if isinstance(source, Path):
                files.append(File.generated(config, uri, abs_src_path=str(source)))
            else:
                files.append(File.generated(config, uri, content=source))
    return files


@reports_course_errors
def on_page_content(html, page, config, files):
    try:
        html, count = render_marked_math(html, _build["renderer"])
    except FormulaErrors as errors:
        _build["problems"].append(formula_report(page, errors))
        return html
    if count:
        _build["pages_with_math"].add(page.file.src_uri)
        for item in toc_items(page.toc):
            item.title = without_math_delimiters(item.title)
        html = math_for_search(html)
    return html


@reports_course_errors
def on_env(env, config, files):
    # Every page's content exists by now and none is written yet: the one
    # place to report all broken formulas at once.
    problems = list(_build["problems"])
    if _build["pages_with_math"] and _build["assets"] is None:
        problems.append(missing_assets_message(katex_packages(_build["root"])))
    if problems:
        raise CourseBuildError("수식을 그릴 수 없습니다:\n" + "\n".join(problems))
    if _build["pages_with_math"]:
        log.info(f"{_build['renderer'].summary()}, 페이지 {len(_build['pages_with_math'])}개")
    _build["renderer"].prune_cache()  # every page has been rendered: the formulas in use are known
    return env


def on_post_page(output, page, config):
    if page.file.src_uri not in _build["pages_with_math"]:
        return output  # pages without math load nothing for it
    href = get_relative_url(STYLESHEET_URI, page.url)
    return output.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)


# Helper functions -------------------------------------------------------------


def toc_items(items):
    for item in items:
        yield item
        yield from toc_items(item.children)



def formula_report(page, errors: FormulaErrors) -> str:
    """One entry per broken formula: where it is, the formula, KaTeX's reason, our hint."""
    source = page.file.content_string
    lines = formula_lines(source, [problem.formula.tex for problem in errors.problems])
    entries = []
    for problem, line in zip(errors.problems, lines):
        where = f"{_build['docs']}/{page.file.src_uri}" + (f":{line}" if line else "")
        delimiter = "$$" if problem.formula.display else "$"
        entries.append(
            f"  {where}: {delimiter}{problem.formula.tex}{delimiter}\n"
            f"    KaTeX: {problem.reason}\n"
            f"    → {problem.hint}"
        )
    return "\n".join(entries)
