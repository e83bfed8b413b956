"""What the front matter and git history give every reader: feed, tags, dates."""

from __future__ import annotations

import shutil
import subprocess
from xml.etree import ElementTree as ET

from course_site.git_dates import last_change_dates
from course_checks import seminars_on_disk
from support import ROOT, mkdocs_build, soup

ATOM = "{http://www.w3.org/2005/Atom}"


def test_atom_feed_lists_every_seminar_newest_first_with_its_public_address(built_site):
    seminars = seminars_on_disk(ROOT)
    entries = ET.parse(built_site / "feed.xml").getroot().findall(f"{ATOM}entry")
    assert sorted(e.findtext(f"{ATOM}title") for e in entries) == sorted(s.title for s in seminars)
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    by_title = {s.title: s for s in seminars}
    for entry in entries:
        seminar = by_title[entry.findtext(f"{ATOM}title")]
        assert entry.find(f"{ATOM}link").get("href") == f"https://ds-study-club.github.io/seminars/{seminar.url}"
        assert entry.findtext(f"{ATOM}updated").startswith(seminar.date)
        assert entry.find(f"{ATOM}author").findtext(f"{ATOM}name")


def test_every_page_points_feed_readers_at_the_feed(built_site):
    alternate = soup(built_site / "index.html").find("link", attrs={"type": "application/atom+xml"})
    assert alternate["href"] == "feed.xml"
    assert "alternate" in alternate["rel"]  # the token feed readers look for (rel is a list of tokens)


def test_tags_page_lists_every_seminar_under_its_tag(built_site):
    page = soup(built_site / "tags" / "index.html")
    assert "seminar" in page.find("article").get_text()
    links = [a["href"] for a in page.select("article a")]
    for seminar in seminars_on_disk(ROOT):
        assert any(href.endswith(seminar.url) for href in links), seminar.url


def test_pages_show_when_they_last_changed_according_to_git(built_site):
    listed = subprocess.run(["git", "ls-files", "-z", "docs"], cwd=ROOT, capture_output=True, check=True).stdout
    committed = set(listed.decode("utf-8").split("\0"))
    dated = [s for s in seminars_on_disk(ROOT) if f"docs/{s.term}/{s.stem}.md" in committed]
    assert dated, "no committed seminar page to check"  # a seminar not yet committed has no date yet
    for seminar in dated:
        fact = soup(built_site / seminar.url / "index.html").find("aside", class_="md-source-file")
        assert fact is not None and "마지막 수정" in fact.get_text(), seminar.url


def test_a_build_outside_git_has_no_dates_and_does_not_fail(fixture_project, tmp_path):
    assert not any(folder.joinpath(".git").exists() for folder in (fixture_project, *fixture_project.parents))
    result = mkdocs_build(fixture_project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for seminar in seminars_on_disk(fixture_project):
        assert soup(tmp_path / "out" / seminar.url / "index.html").find("aside", class_="md-source-file") is None


def test_last_change_dates_come_from_the_newest_commit_touching_each_file(tmp_path):
    if shutil.which("git") is None:
        raise AssertionError("git is needed for this test")
    run = lambda *args, date: subprocess.run(  # noqa: E731
        ["git", *args], cwd=tmp_path, check=True, capture_output=True,
        env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "a",
             "GIT_AUTHOR_EMAIL": "a@a", "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@a", "HOME": str(tmp_path)},
    )
    run("init", "-q", date="2024-01-01T00:00:00")
    (tmp_path / "a.md").write_text("1", encoding="utf-8")
    (tmp_path / "b.md").write_text("1", encoding="utf-8")
    run("add", ".", date="2024-01-01T00:00:00")
    run("commit", "-qm", "first", date="2024-01-01T00:00:00")
    (tmp_path / "b.md").write_text("2", encoding="utf-8")
    run("commit", "-qam", "second", date="2024-03-05T00:00:00")
    dates = last_change_dates(tmp_path)
    assert (str(dates["a.md"]), str(dates["b.md"])) == ("2024-01-01", "2024-03-05")
    assert last_change_dates(tmp_path / "no-such-folder") == {}
