"""The fault catalogue: plausible mistakes of a maintainer, each stopping the build clearly.

Every fault is injected alone into a warm copy of the fixture course
(tests/fixtures/course: a few pages, a figure and a notebook on the real
project's machinery) that holds a last good site/ and the addresses it has
published. Its pages are test data no course edit changes, so the line numbers
below stay true as the real course grows. `scripts/build_site.py` (what
`make build` runs) — or, for mistakes made with the maintainer commands, that
command — must then exit non-zero, name the file (and line where there is one),
state the fix, print no Python traceback, leave the last good site/ byte for
byte as it was, and write nothing into docs/, figures/ or the project folder.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from conftest import tree_digest

# Front matter lines: title 2, number 3, date 4, presenters 5, tags 6, summary 7.
SEMINAR = "docs/2022-2/02-linear-regression.md"
UNLINKED = "docs/2022-2/01-first-look.md"  # no other page links to it: moving it breaks only its address
NOTEBOOK = "notebooks/fixture/fit_a_line.py"
FIGURE = "figures/fixture/line_fit.py"
OTHER_NOTEBOOK = "notebooks/fixture/second.py"  # written by the fault that needs two notebooks


@dataclass(frozen=True)
class Fault:
    id: str
    inject: Callable[[Path], None]
    names: str  # the file (and line) the message must name
    fix: str  # words of the fix the message must state
    command: tuple[str, ...] = ("build_site.py",)  # a script in scripts/ and its arguments


def replace(path: str, old: str, new: str, count: int = 1):
    def inject(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")

    return inject


def append(path: str, text: str):
    def inject(project: Path) -> None:
        file = project / path
        file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")

    return inject


def write(path: str, text: str | bytes):
    def inject(project: Path) -> None:
        file = project / path
        file.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            file.write_bytes(text)
        else:
            file.write_text(text, encoding="utf-8")

    return inject


def both(*injections):
    def inject(project: Path) -> None:
        for each in injections:
            each(project)

    return inject


def seminar_page(number: int, title: str, date: str = "2022-11-10", extra: str = "") -> str:
    return (
        f"---\ntitle: \"{number:02d} {title}\"\nnumber: {number}\ndate: {date}\npresenters: [홍길동]\n"
        f"tags: [seminar]\nsummary: 요약.\n{extra}---\n\n# {number:02d} {title}\n\n본문입니다.\n"
    )


def move(path: str, new: str):
    def inject(project: Path) -> None:
        (project / new).parent.mkdir(parents=True, exist_ok=True)
        (project / path).rename(project / new)

    return inject


def in_draw(path: str, code: str, before_return: bool = False):
    """``code`` as the first statement of the script's draw() (or its last, before ``return fig``)."""
    if before_return:
        return replace(path, "    return fig", f"    {code}\n    return fig")
    return replace(path, "def draw(rng):", f"from pathlib import Path\n\n\ndef draw(rng):\n    {code}")


def first_cell(path: str, code: str):
    """``code`` as a new first cell of the notebook, after its header if it has one.

    The kernel stops at the first failing cell, so a mistake there fails in the
    kernel's start-up time instead of after the whole notebook has run.
    """
    def inject(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        first = re.search(r"^# %%", text, re.MULTILINE).start()
        file.write_text(text[:first] + f"# %%\n{code}\n\n" + text[first:], encoding="utf-8")

    return inject


def settings(section: str, old: str, new: str):
    """Change one line of mkdocs.yml's extra.<section> block."""
    def inject(project: Path) -> None:
        file = project / "mkdocs.yml"
        text = file.read_text(encoding="utf-8")
        start = text.index(f"\n  {section}:\n") + len(f"\n  {section}:\n")
        end = start
        while text.startswith("    ", end):  # the block: its lines are indented under the key
            end = text.index("\n", end) + 1
        assert old in text[start:end], f"{old!r} not in extra.{section}"
        file.write_text(text[:start] + text[start:end].replace(old, new, 1) + text[end:], encoding="utf-8")

    return inject


def without_docstring(path: str):
    def inject(project: Path) -> None:
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert text.startswith('"""'), path
        file.write_text(text[text.index('"""', 3) + 3 :].lstrip("\n"), encoding="utf-8")

    return inject


# A glossary of one well-formed term, for the faults that add a second one.
GLOSSARY = (
    "- term: 선형 회귀\n  english: linear regression\n  spellings: [회귀 직선]\n"
    "  definition: 입력과 출력의 관계를 직선 하나로 나타내는 모델.\n"
)


def jekyll_post(front_matter: str, body: str = "본문입니다.\n") -> str:
    return f"---\n{front_matter}---\n\n{body}"


def scaffold(**changes) -> tuple[str, ...]:
    arguments = {"number": "5", "slug": "neural-networks", "title": "05 신경망 첫걸음", "presenter": "홍길동",
                 "date": "2022-11-10", **changes}
    return ("new_seminar.py", *(f"--{name}={value}" for name, value in arguments.items()))


def cp949_page(project: Path) -> None:
    (project / "docs/2022-2/05-cp949.md").write_bytes(seminar_page(5, "윈도우에서 쓴 글").encode("cp949"))


FAULTS = [
    # Front matter ------------------------------------------------------------------
    Fault("unclosed-list", replace(SEMINAR, "presenters: [이둘, 박셋]", "presenters: [이둘, 박셋, 홍길동"), f"{SEMINAR}:5:", "']' 로 닫으세요"),
    Fault("bare-colon", replace(SEMINAR, "summary: 직선 하나로", "summary: 정리: 직선 하나로"), f"{SEMINAR}:7:", "따옴표로 감싸세요"),
    Fault("tab-indent", replace(SEMINAR, "tags: [seminar, 실습]", "tags:\n\t- seminar"), f"{SEMINAR}:7:", "탭 대신 공백"),
    Fault("impossible-date", replace(SEMINAR, "date: 2022-09-22", "date: 2022-13-45"), f"{SEMINAR}:4:", "YYYY-MM-DD"),
    Fault("date-in-words", replace(SEMINAR, "date: 2022-09-22", "date: 9월 22일"), f"{SEMINAR}:4:", "YYYY-MM-DD"),
    Fault("cp949-page", cp949_page, "docs/2022-2/05-cp949.md", "UTF-8"),
    Fault("missing-title", replace(SEMINAR, 'title: "02 선형 회귀"\n', ""), SEMINAR, "필수 필드 'title'"),
    Fault("number-as-text", replace(SEMINAR, "number: 2", 'number: "둘"'), f"{SEMINAR}:3:", "1 이상의 정수"),
    Fault("number-zero", replace(SEMINAR, "number: 2", "number: 0"), f"{SEMINAR}:3:", "1 이상의 정수"),
    Fault("presenters-one-string", replace(SEMINAR, "presenters: [이둘, 박셋]", 'presenters: "이둘, 박셋"'), f"{SEMINAR}:5:", "presenters: [이둘, 박셋]"),
    Fault("tag-typo", replace(SEMINAR, "tags: [seminar, 실습]", "tags: [semniar, 실습]"), f"{SEMINAR}:6:", "'seminar' 의 오타"),
    Fault("field-typo", replace(SEMINAR, "summary:", "sumary:"), f"{SEMINAR}:7:", "'summary' 의 오타"),
    Fault("field-twice", replace(SEMINAR, "tags: [seminar, 실습]", "tags: [seminar, 실습]\nnumber: 5"), f"{SEMINAR}:7:", "하나만 남기세요"),
    Fault("front-matter-never-ends", replace(SEMINAR, "\n---\n", "\n\n"), f"{SEMINAR}:1:", "'---' 만 있는 줄"),
    Fault("front-matter-a-list", write("docs/2022-2/05-list.md", "---\n- title\n- number\n---\n# 05\n"), "docs/2022-2/05-list.md:2:", "'이름: 값'"),
    Fault("term-mismatch", replace(SEMINAR, "tags: [seminar, 실습]", "tags: [seminar, 실습]\nterm: 2023-1"), f"{SEMINAR}:7:", "'term' 줄을 지우거나"),
    Fault("slides-not-a-link", replace(SEMINAR, "tags: [seminar, 실습]", "tags: [seminar, 실습]\nslides: 발표.pdf"), f"{SEMINAR}:7:", "http(s) 주소"),
    Fault("summary-a-list", replace(SEMINAR, "summary: 직선 하나로", "summary:\n  - 직선 하나로"), f"{SEMINAR}:7:", "한 줄 문자열"),
    Fault("no-front-matter", write("docs/2022-2/05-bare.md", "# 05 제목만 있는 글\n\n본문.\n"), "docs/2022-2/05-bare.md:1:", "필수 필드"),
    # Rules across pages --------------------------------------------------------------
    Fault("number-taken", write("docs/2022-2/05-second.md", seminar_page(2, "두 번째 2회")), f"{SEMINAR}, docs/2022-2/05-second.md", "겹치지 않게"),
    Fault("title-taken", write("docs/2022-2/05-same.md", seminar_page(5, "선형 회귀").replace("05 선형", "02 선형")), "docs/2022-2/05-same.md", "겹치지 않게"),
    Fault("seminar-outside-terms", write("docs/seminars/05-lost.md", seminar_page(5, "길 잃은 글", "2023-04-06")), "docs/seminars/05-lost.md:1:", "docs/2023-1/ 로 옮기세요"),
    Fault("almost-a-term-folder", write("docs/2023_1/05-x.md", seminar_page(5, "학기 폴더 오타", "2023-04-06")), "docs/2023_1/", "2023-1"),
    Fault("seminar-too-deep", write("docs/2022-2/extra/05-deep.md", seminar_page(5, "깊은 곳")), "docs/2022-2/extra/05-deep.md:1:", "학기 폴더 바로 안"),
    Fault("seminar-listed-in-nav", replace("mkdocs.yml", "  - 태그: tags.md", "  - 옛 목록: 2022-2/02-linear-regression.md\n  - 태그: tags.md"), "mkdocs.yml", "nav 에서 이 줄을 지우세요"),
    Fault("notebook-linked-nowhere", write("notebooks/fixture/orphan.py", "# %%\nprint('고아')\n"), "notebooks/fixture/orphan.py", "세미나 글에서 링크"),
    # Configuration -------------------------------------------------------------------
    Fault("course-settings-missing", replace("mkdocs.yml", "  course:\n    tags: [seminar, 실습]\n", ""), "mkdocs.yml", "extra.course.tags"),
    Fault("old-terms-setting", replace("mkdocs.yml", "    tags: [seminar, 실습]\n", "    tags: [seminar, 실습]\n    terms:\n      2nd_term: {title: 2학기, folder: 2nd-term}\n"), "mkdocs.yml", "이 줄을 지우세요"),
    Fault("schedule-of-unknown-term", append("docs/index.md", "\n<!-- seminar-schedule term=2031-1 -->\n"), "docs/index.md", "있는 학기: 2023-1, 2022-2"),
    # Text that would publish silently ----------------------------------------------
    Fault("liquid-include", append(SEMINAR, "\n{% include figure.html src=\"a.png\" %}\n"), f"{SEMINAR}:", "Liquid"),
    Fault("liquid-variable", append(SEMINAR, "\n[자료]({{ site.baseurl }}/assets/a.pdf)\n"), f"{SEMINAR}:", "{{ site.baseurl }}"),
    Fault("unclosed-fence", append(SEMINAR, "\n```python\nprint('닫지 않은 코드')\n"), f"{SEMINAR}:", "닫는 줄이 없어"),
    Fault("remote-image", append(SEMINAR, "\n![그래프](https://example.com/graph.png)\n"), f"{SEMINAR}:", "다른 서버"),
    Fault("image-without-alt", append(SEMINAR, "\n![](../figures/fixture/line_fit.svg)\n"), f"{SEMINAR}:", "대체 텍스트"),
    Fault("html-image-without-alt", append(SEMINAR, '\n<img src="../figures/fixture/line_fit.svg">\n'), f"{SEMINAR}:", "대체 텍스트"),
    Fault("scaffold-summary-left", replace(SEMINAR, "summary: 직선 하나로 예측하는 선형 회귀와 평균제곱오차를 배웁니다.", "summary: 한 줄로 소개해 주세요"), f"{SEMINAR}:7:", "한 줄로 소개하세요"),
    Fault("todo-mark-left", append(SEMINAR, "\n<!-- 미완성: 예시를 더 넣기 -->\n"), f"{SEMINAR}:", "표시를 지우세요"),
    Fault("redraw-box-left", append(SEMINAR, '\n!!! warning "그림 다시 그리기 필요"\n    원래 그림: https://example.com/a.png\n'), f"{SEMINAR}:", "스크립트로 다시 그려"),
    Fault("empty-section", append(SEMINAR, "\n## 7. 다음 시간 예고\n"), f"{SEMINAR}:", "아래에 내용이 없습니다"),
    Fault("broken-link", append(SEMINAR, "\n[다음 세미나](05-no-such-seminar.md)\n"), "2022-2/02-linear-regression.md", "05-no-such-seminar.md"),
    Fault("missing-anchor", append("docs/index.md", "\n[여기](2022-2/02-linear-regression.md#없는-제목)\n"), "index.md", "없는-제목"),
    Fault("figure-without-script", append(SEMINAR, "\n![없는 그림](../figures/fixture/no_such_figure.svg)\n"), f"{SEMINAR}:", "figures/fixture/no_such_figure.py"),
    # Figures: what a page points at ------------------------------------------------------
    Fault("raw-img-to-missing-figure", append(SEMINAR, '\n<img src="../figures/fixture/nope.svg" alt="없는 그림">\n'), f"{SEMINAR}:", "figures/fixture/nope.py 이(가) 없습니다"),
    Fault("png-path-to-drawn-figure", append(SEMINAR, "\n![직선 맞추기](../figures/fixture/line_fit.png)\n"), f"{SEMINAR}:", "'../figures/fixture/line_fit.svg' 로 고치세요"),
    Fault("figure-path-typo", append(SEMINAR, "\n![직선 맞추기](../figures/fixture/line_fitt.svg)\n"), f"{SEMINAR}:", "'../figures/fixture/line_fit.svg' 인가요?"),
    Fault("figure-script-outside-group", write("figures/stray.py", '"""떠돌이 그림"""\n\n\ndef draw(rng):\n    return None\n'), "figures/stray.py:4", "묶음 폴더로 옮기세요"),
    # Figures: the script ---------------------------------------------------------------
    Fault("figure-without-caption", without_docstring(FIGURE), f"{FIGURE}:1:", "docstring"),
    Fault("figure-syntax-error", replace(FIGURE, "def draw(rng):", "def draw(rng)"), f"{FIGURE}:", "문법 오류"),
    Fault("figure-returns-nothing", replace(FIGURE, "    return fig", "    return None"), FIGURE, "return fig"),
    Fault("figure-input-missing", replace(FIGURE, "def draw(rng):", 'INPUTS = ["data/scores.csv"]\n\n\ndef draw(rng):'), f"{FIGURE}:", "INPUTS 에서 빼세요"),
    # Notebooks ---------------------------------------------------------------------------
    Fault("notebook-cell-syntax-error", first_cell(NOTEBOOK, "for i in range(3)\n    print(i)"), f"{NOTEBOOK} 셀 1 (", "SyntaxError"),
    Fault("notebook-header-broken", write(NOTEBOOK, "# ---\n# jupyter:\n#   kernelspec: [python\n# ---\n\n# %%\nprint(1)\n"), f"{NOTEBOOK}:", "올바른 YAML"),
    Fault("notebook-plot-without-alt", append(NOTEBOOK, "\n# %%\nimport matplotlib.pyplot as plt\nfig, ax = plt.subplots()\nax.plot([1, 2], [3, 4])\nplt.show()\n"), f"{NOTEBOOK} 셀", "# 그림 설명:"),
    # Pasted links ----------------------------------------------------------------------
    Fault("heading-renamed", replace(SEMINAR, "## 2.", "## 둘."), "/2022-2/02-linear-regression/#2-", "anchor_aliases:"),
    Fault("page-moved", move(UNLINKED, "docs/2022-2/01-data.md"), "/2022-2/01-first-look/: 공개된 페이지 주소가 사라졌습니다", "redirect_from: [2022-2/01-first-look/]"),
    # Configuration and data ------------------------------------------------------------
    Fault("mkdocs-yml-not-yaml", append("mkdocs.yml", "\nnot_in_nav: [tags.md\n"), "mkdocs.yml", "expected ','"),
    Fault("glossary-term-without-definition", write("docs/glossary.yml", GLOSSARY + "- term: 과적합\n  english: overfitting\n  spellings: [오버피팅]\n"), "docs/glossary.yml:", "definition: 한 줄 뜻풀이"),
    Fault("glossary-spelling-twice", write("docs/glossary.yml", GLOSSARY + "- term: 평균제곱오차\n  english: mean squared error\n  spellings: [회귀 직선]\n  definition: 오차를 제곱해 평균낸 값.\n"), "docs/glossary.yml:", "한 표기는 한 용어에만"),
    # Maintainer commands: the scaffold ---------------------------------------------------
    Fault("scaffold-number-taken", lambda project: None, SEMINAR, "--number 로 다른 회차", scaffold(number="2", slug="again")),
    Fault("scaffold-slug-with-spaces", lambda project: None, "--slug 'Neural Nets'", "영어 소문자", scaffold(slug="Neural Nets")),
    Fault("scaffold-impossible-date", lambda project: None, "--date '2022-13-10'", "YYYY-MM-DD", scaffold(date="2022-13-10")),
    Fault("scaffold-tag-typo", lambda project: None, "--tags 'semniar'", "'seminar' 의 오타", scaffold(tags="semniar")),
    # Maintainer commands: the importer ---------------------------------------------------
    Fault("import-cp949-post", write("incoming/2023-04-06-cp949.md", jekyll_post('title: "05 윈도우 글"\ndate: 2023-04-06\n').encode("cp949")), "incoming/2023-04-06-cp949.md:2:", "UTF-8", ("import_jekyll.py", "incoming/2023-04-06-cp949.md")),
    Fault("import-front-matter-unclosed-quote", write("incoming/2023-04-06-quote.md", jekyll_post('title: "05 닫지 않은 따옴표\ndate: 2023-04-06\n')), "incoming/2023-04-06-quote.md:", "짝이 맞는지", ("import_jekyll.py", "incoming/2023-04-06-quote.md")),
    Fault("import-post-without-front-matter", write("incoming/2023-04-06-plain.md", "# 그냥 글\n"), "incoming/2023-04-06-plain.md:1:", "title: 제목", ("import_jekyll.py", "incoming/2023-04-06-plain.md")),

    # The fence around authors' code ------------------------------------------------------
    Fault("figure-writes-into-the-repository", in_draw(FIGURE, 'Path(__file__).resolve().parents[2].joinpath("leak.txt").write_text("x")'), f"{FIGURE}:", "임시 폴더"),
    Fault("figure-saves-into-the-repository", in_draw(FIGURE, 'fig.savefig(__import__("pathlib").Path(__file__).resolve().parents[2] / "leak.png")', before_return=True), f"{FIGURE}:", "return fig"),
    Fault("figure-downloads-data", in_draw(FIGURE, '__import__("urllib.request").request.urlopen("http://127.0.0.1:9/data.csv", timeout=5)'), f"{FIGURE}:", "네트워크"),
    Fault("figure-allocates-3-gb", in_draw(FIGURE, '__import__("numpy").ones(3 * 1024**3 // 8)'), f"{FIGURE}:", "extra.figures.memory_mb"),
    Fault("figure-spins-forever", both(settings("figures", "cpu_seconds: 120", "cpu_seconds: 2"), in_draw(FIGURE, "while True:\n        pass")), FIGURE, "extra.figures.cpu_seconds"),
    Fault("figure-prints-without-end", in_draw(FIGURE, 'for _ in range(10**6):\n        print("x" * 50)'), FIGURE, "extra.figures.output_kb"),
    Fault("figure-style-broken", append("figures/figure_style.py", "\nraise ValueError('스타일 오류')\n"), "figures/figure_style.py:", "ValueError: 스타일 오류"),
    Fault("notebook-prints-50-mb", first_cell(NOTEBOOK, "for _ in range(10**6):\n    print('x' * 50)"), f"{NOTEBOOK} 셀 1 (", "extra.notebooks.output_kb"),
    Fault("notebook-writes-home", first_cell(NOTEBOOK, "import os\nopen(os.path.expanduser('~/leak.txt'), 'w')"), f"{NOTEBOOK} 셀 1 (", "임시 폴더"),
    Fault("notebook-runs-too-long", both(settings("notebooks", "timeout: 120", "timeout: 10"), first_cell(NOTEBOOK, "import time\ntime.sleep(120)")), f"{NOTEBOOK} 셀 1 (", "extra.notebooks.timeout"),
    Fault("two-notebooks-fail", both(first_cell(NOTEBOOK, "1 / 0"), write(OTHER_NOTEBOOK, "# %%\n1 / 0\n"), append(SEMINAR, "\n[두 번째 실습](../notebooks/fixture/second.ipynb)\n")), OTHER_NOTEBOOK, "노트북 2개가 실패했습니다"),
    Fault("figure-timeout-with-a-unit", settings("figures", "timeout: 60 ", "timeout: 60s "), "mkdocs.yml: extra.figures.timeout", "예: timeout: 60"),
    Fault("figure-setting-misnamed", settings("figures", "timeout: 60 ", "figure_timeout: 60 "), "mkdocs.yml: extra.figures.figure_timeout", "혹시 timeout 인가요?"),
    Fault("notebook-memory-in-gb", settings("notebooks", "memory_mb: 2048", "memory_mb: 2GB"), "mkdocs.yml: extra.notebooks.memory_mb", "예: memory_mb: 2048"),

    # Figures and notebooks -------------------------------------------------------------
    Fault("figure-script-raises", replace(FIGURE, "def draw(rng):", "def draw(rng):\n    1 / 0"), f"{FIGURE}:", "ZeroDivisionError"),
    Fault("notebook-cell-raises", first_cell(NOTEBOOK, "raise ValueError('실습 오류')"), f"{NOTEBOOK} 셀 1 (", "ValueError: 실습 오류"),
]


@pytest.mark.parametrize("fault", FAULTS, ids=[fault.id for fault in FAULTS])
def test_the_fault_stops_with_the_file_and_the_fix_and_changes_nothing(fault, broken_copy):
    site_before = tree_digest(broken_copy / "site")
    fault.inject(broken_copy)
    sources_before = [tree_digest(broken_copy / part) for part in ("docs", "figures")]
    top_level_before = sorted(path.name for path in broken_copy.iterdir())
    script, *arguments = fault.command
    result = subprocess.run(
        [sys.executable, str(broken_copy / "scripts" / script), *arguments],
        capture_output=True, text=True, encoding="utf-8", timeout=600, cwd=broken_copy,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert fault.names in output, output
    assert fault.fix in output, output
    assert "Traceback" not in output, output
    assert tree_digest(broken_copy / "site") == site_before
    assert not (broken_copy / "site.partial").exists()
    assert [tree_digest(broken_copy / part) for part in ("docs", "figures")] == sources_before
    assert sorted(path.name for path in broken_copy.iterdir()) == top_level_before  # nothing leaked


def test_the_catalogue_covers_every_kind_of_mistake():
    assert len({fault.id for fault in FAULTS}) == len(FAULTS)
    assert len(FAULTS) >= 60
    commands = {fault.command[0] for fault in FAULTS}
    assert {"build_site.py", "new_seminar.py", "import_jekyll.py"} <= commands
