"""What every correct course site shows, whatever its seminars: the site checks.

``check_course_site(project, site)`` reads the seminar pages and notebooks on
disk on its own (plain YAML, no project code) and asserts that the built site
surfaces each of them: built, reachable in the navigation (in the nav of its
own page and of its term's page; on the home page's nav when its term is the
current one, and every earlier term one link away from home, terms newest
first; each notebook right after a seminar that links to it), in its term's
schedule, on the home page when its term is the current one, in the feed, with
its header. It is run on the real site, on the fixture course and on a copy
of the fixture course that a test has added a seminar to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from support import soup

TERM_FOLDER = re.compile(r"^(\d{4})-(1|2|summer|winter)$")
TERM_ORDER = {"1": 0, "summer": 1, "2": 2, "winter": 3}
ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass
class SeminarOnDisk:
    term: str
    stem: str
    title: str
    number: int
    date: str

    @property
    def url(self) -> str:
        return f"{self.term}/{self.stem}/"


def seminars_on_disk(project: Path) -> list[SeminarOnDisk]:
    found = []
    for folder in (project / "docs").iterdir():
        if not (folder.is_dir() and TERM_FOLDER.match(folder.name)):
            continue
        for page in sorted(folder.glob("*.md")):
            if page.name == "index.md":
                continue
            meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])
            found.append(SeminarOnDisk(folder.name, page.stem, str(meta["title"]), meta["number"], str(meta["date"])))
    return found


def term_sort_key(term: str):
    year, part = TERM_FOLDER.match(term).groups()
    return (int(year), TERM_ORDER[part])


def nav_links(page: Path) -> list[Path]:
    """Targets of the primary navigation's links, resolved to paths in the site, in order."""
    return [
        (page.parent / link["href"].split("#")[0]).resolve()
        for link in soup(page).select("nav.md-nav--primary a.md-nav__link[href]")
    ]


def nav_of(site: Path, url: str) -> list[str]:
    """The site-relative targets (``2022-2/04-x``, ``""`` for home) of the nav links on the page at ``url``."""
    root = site.resolve()
    return [
        str(target.relative_to(root)).removesuffix(".")
        for target in nav_links(site / url / "index.html")
        if target.is_relative_to(root)
    ]


def check_course_site(project: Path, site: Path) -> list[SeminarOnDisk]:
    """Assert the invariants above; return the seminars found on disk (for further checks)."""
    seminars = seminars_on_disk(project)
    assert seminars, "a course without seminars proves nothing"
    terms = sorted({s.term for s in seminars}, key=term_sort_key, reverse=True)
    home = site / "index.html"

    # Navigation. From home: every term's page (newest first), the current
    # term's seminars. On a term's page and on each seminar's own page: that
    # seminar. (An earlier term's seminars need not be in every page's nav.)
    home_nav = nav_of(site, "")
    missing = [term for term in terms if term not in home_nav]
    assert missing == [], f"terms {missing} are not in the home page's nav: {home_nav}"
    term_positions = [home_nav.index(term) for term in terms]
    assert term_positions == sorted(term_positions), f"terms not newest first in the home nav: {home_nav}"
    for seminar in seminars:
        target = seminar.url.rstrip("/")
        if seminar.term == terms[0]:
            assert target in home_nav, f"{seminar.url} (current term) is not in the home page's nav: {home_nav}"
        for page in (seminar.url, f"{seminar.term}/"):
            nav = nav_of(site, page)
            assert target in nav, f"{seminar.url} is not in the nav of {page}: {nav}"

    feed = ET.parse(site / "feed.xml").getroot()
    feed_titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    for seminar in seminars:
        page = soup(site / seminar.url / "index.html")
        assert page.find("h1") is not None, seminar.url
        header = page.find("dl", class_="seminar-meta")
        assert header is not None and header.find("time")["datetime"] == seminar.date, seminar.url
        assert seminar.title in feed_titles, f"{seminar.title} missing from feed.xml"
        term_page = soup(site / seminar.term / "index.html")
        assert any(a["href"].rstrip("/") == seminar.stem for a in term_page.select("article table a")), (
            f"{seminar.url} is not in its term page's schedule"
        )

    # Every term has its own page titled with its year; the home page leads with the current term.
    for term in terms:
        title = soup(site / term / "index.html").find("h1").get_text(" ", strip=True)
        year, part = TERM_FOLDER.match(term).groups()
        assert title.startswith(f"{year}년"), title
    home_article = soup(home).find("article")
    current = terms[0]
    home_links = [a["href"] for a in home_article.select("table a")]
    for seminar in (s for s in seminars if s.term == current):
        assert f"{seminar.url}" in home_links, f"home page does not list {seminar.url} of the current term"
    for term in terms[1:]:
        assert any(a["href"].rstrip("/") == term for a in home_article.select("a")), f"home page has no link to {term}"

    # Every notebook is a page in the navigation of its own page, right after a seminar.
    for source in sorted((project / "notebooks").glob("*/**/*.py")):
        if source.name.startswith("_"):
            continue
        url = "notebooks/" + source.relative_to(project / "notebooks").with_suffix("").as_posix()
        assert (site / url / "index.html").is_file(), url
        nav = nav_of(site, url)
        assert url in nav, f"{url} is not in its own page's nav: {nav}"
        before = nav[nav.index(url) - 1]
        assert before.startswith("notebooks/") or any(s.url.rstrip("/") == before for s in seminars), (
            f"{url} follows {before}, not a seminar"
        )
    return seminars
