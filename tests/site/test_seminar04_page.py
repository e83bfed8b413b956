"""Seminar 04 as readers get it: its headings, header, schedule row and neighbours (about that page's content)."""

from __future__ import annotations

from support import soup

SEMINAR = "2022-2/04-what-to-do-with-data/index.html"


def test_seminar04_sections_keep_hangul_ids_with_permalinks(built_site):
    page = soup(built_site / SEMINAR)
    expected = {
        "1-분석가-엔지니어-사이언티스트": "1. 분석가? 엔지니어? 사이언티스트?",
        "2-머신러닝-딥러닝-ai": "2. 머신러닝? 딥러닝? AI?",
        "3-머신러닝-학습-방법-종류": "3. 머신러닝 학습 방법 종류",
        "4-왜-딥러닝인가": "4. 왜 딥러닝인가?",
        "5-딥러닝-모델-종류": "5. 딥러닝 모델 종류",
        "6-딥러닝-활용-분야": "6. 딥러닝 활용 분야",
        "마무리": "마무리",
    }
    sections = {h2.get("id"): h2 for h2 in page.find_all("h2")}
    for anchor, text in expected.items():
        assert anchor in sections, f"no h2 with id {anchor!r}; found {sorted(filter(None, sections))}"
        heading = sections[anchor]
        permalink = heading.find("a", class_="headerlink")
        assert heading.get_text().replace(permalink.get_text(), "").strip() == text
        assert permalink["href"] == f"#{anchor}"


def test_seminar04_subheadings_get_readable_hangul_ids(built_site):
    ids = [h.get("id") for h in soup(built_site / SEMINAR).find_all(["h3", "h4"])]
    assert "지도학습" in ids and "비지도학습" in ids and "강화학습" in ids
    assert all(ids) and not any(i.isdigit() or i.startswith("_") for i in ids), ids


def test_seminar04_shows_date_presenter_term_and_reading_time(built_site):
    meta = soup(built_site / SEMINAR).find("dl", class_="seminar-meta")
    assert meta is not None
    text = meta.get_text(" ", strip=True)
    assert meta.find("time")["datetime"] == "2022-11-03"
    for expected in ("2022년 11월 3일", "keonju", "2022년 2학기", "읽는 시간", "seminar"):
        assert expected in text


def test_seminar04_summary_becomes_the_meta_description(built_site):
    description = soup(built_site / SEMINAR).find("meta", attrs={"name": "description"})
    assert description["content"].startswith("데이터 직무")


def test_seminar04_row_on_home_and_term_pages_comes_from_its_front_matter(built_site):
    for page, link in (("index.html", "2022-2/04-what-to-do-with-data/"), ("2022-2/index.html", "04-what-to-do-with-data/")):
        table = soup(built_site / page).find("table")
        assert table is not None, page
        rows = [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in table.find_all("tr")[1:]]
        assert ["04", "2022-11-03", "데이터로 뭐를 할까?", "keonju", "seminar"] in rows
        assert link in [a["href"] for a in table.find_all("a")]


def test_seminar04_is_korean_with_palette_toggle_edit_link_and_neighbours(built_site):
    page = soup(built_site / SEMINAR)
    assert page.html["lang"] == "ko"
    toggles = page.find_all("input", attrs={"name": "__palette"})
    assert len(toggles) == 2  # light, dark (starting from the device setting)
    edit = page.find("a", attrs={"rel": "edit"})
    assert edit["href"].endswith("/edit/main/docs/2022-2/04-what-to-do-with-data.md")
    assert page.find("a", class_="md-footer__link--prev")["aria-label"] == "이전: 2022년 2학기"
    assert page.find("a", class_="md-footer__link--next")["aria-label"] == "다음: 실습 1: 지도학습 — 분류와 회귀"
