"""The benchmark's synthetic courses are real courses: N distinct seminar pages our build accepts."""

from __future__ import annotations

import re
import sys
from collections import Counter

from course_site.page_checks import check_page
from course_site.seminars import CourseConfig, load_course
from support import ROOT

sys.path.insert(0, str(ROOT / "tools"))

from benchmark_course import SEED_PAGE, SEMINARS_PER_TERM, make_course, seminar_pages  # noqa: E402

PAGES = 30


def test_generated_pages_are_distinct_valid_seminars_spread_over_terms(tmp_path):
    seed = (ROOT / SEED_PAGE).read_text(encoding="utf-8")
    pages = seminar_pages(seed, PAGES)
    docs = tmp_path / "docs"
    for page in pages:
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.text, encoding="utf-8")

    course, sources = load_course(docs, [page.path for page in pages], CourseConfig(tags=("seminar",)))

    assert len(course.seminars) == PAGES
    assert len({page.text for page in pages}) == PAGES
    assert len(course.terms) == -(-PAGES // SEMINARS_PER_TERM)
    assert max(Counter(seminar.term for seminar in course.seminars).values()) == SEMINARS_PER_TERM
    assert [finding for source in sources.values() for finding in check_page(source)] == []


def test_no_paragraph_is_shared_between_two_generated_pages():
    pages = seminar_pages((ROOT / SEED_PAGE).read_text(encoding="utf-8"), PAGES)
    seen: dict[str, int] = {}
    for page in pages:
        for paragraph in page.text.split("\n\n"):
            # Enough shuffled (Hangul) words that a repeat is a cache hit, not chance: an
            # English quote under a one-word title may repeat.
            if len(re.findall(r"[가-힣]+", paragraph)) >= 8:
                assert seen.setdefault(paragraph, page.index) == page.index, paragraph
    assert seen


def test_hangul_glued_to_an_english_term_or_a_number_is_never_shuffled_away_from_it():
    # Transformer는 stays Transformer는: a search for an English term finds the few forms a
    # writer uses, not one made-up form per shuffled page.
    seed = (ROOT / SEED_PAGE).read_text(encoding="utf-8")
    glued = re.compile(r"[A-Za-z0-9][가-힣]+")
    seed_forms = set(glued.findall(seed))
    assert seed_forms
    for page in seminar_pages(seed, PAGES):
        assert set(glued.findall(page.text)) <= seed_forms, page.path


def test_one_page_course_is_the_real_site_unchanged(tmp_path):
    made = make_course(ROOT, tmp_path / "project", 1)

    assert len(made) == 1
    made_page, seed_page = tmp_path / "project" / SEED_PAGE, ROOT / SEED_PAGE
    assert made_page.read_text(encoding="utf-8") == seed_page.read_text(encoding="utf-8")


def test_a_course_made_earlier_gets_the_projects_current_code_and_keeps_its_pages_and_caches(tmp_path):
    from benchmark_course import refresh_machinery

    source, course = tmp_path / "project", tmp_path / "course"
    for root, hook in ((source, "new"), (course, "old")):
        (root / "scripts").mkdir(parents=True)
        (root / "scripts" / "hook_x.py").write_text(f"# {hook}\n", encoding="utf-8")
        (root / "docs" / "2022-2").mkdir(parents=True)
        (root / "docs" / "index.md").write_text(f"# {hook}\n", encoding="utf-8")
        (root / "mkdocs.yml").write_text("extra:\n  figures:\n    timeout: 6\n", encoding="utf-8")
    (course / "docs" / "2022-2" / "01-kept.md").write_text("# kept\n", encoding="utf-8")
    (course / "scripts" / "hook_gone.py").write_text("# removed from the project since\n", encoding="utf-8")
    (course / ".cache").mkdir()

    refresh_machinery(source, course)

    assert (course / "scripts" / "hook_x.py").read_text(encoding="utf-8") == "# new\n"
    assert not (course / "scripts" / "hook_gone.py").exists()
    assert (course / "docs" / "index.md").read_text(encoding="utf-8") == "# new\n"
    assert (course / "docs" / "2022-2" / "01-kept.md").is_file() and (course / ".cache").is_dir()
    assert "timeout: 60" in (course / "mkdocs.yml").read_text(encoding="utf-8")  # still relaxed
