"""Every link and anchor of the built site resolves, and no page loads anything from another host.

That a broken link or anchor stops the build, naming the page, is in the fault
catalogue (tests/faults: broken-link, missing-anchor).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from support import soup

EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


def html_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if path.name != "404.html")


def test_no_page_loads_anything_from_another_host(built_site):
    for page in html_pages(built_site):
        document = soup(page)
        loads = [tag.get("src") for tag in document.find_all(["script", "img", "iframe", "source"])]
        loads += [tag.get("href") for tag in document.find_all("link")]
        external = [url for url in loads if url and EXTERNAL.match(url)]
        # <link rel="canonical"> names the page's public address; browsers never fetch it.
        canonical = {tag.get("href") for tag in document.find_all("link", rel="canonical")}
        assert set(external) <= canonical, f"{page}: {set(external) - canonical}"
    for stylesheet in built_site.rglob("*.css"):
        text = stylesheet.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+(url\()?[\"']?(https?:)?//", text), stylesheet
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, stylesheet


def test_every_internal_link_and_anchor_resolves(built_site):
    anchors_of: dict[Path, set[str]] = {}

    def anchors(page: Path) -> set[str]:
        if page not in anchors_of:
            anchors_of[page] = {tag["id"] for tag in soup(page).find_all(id=True)}
        return anchors_of[page]

    checked = 0
    for page in html_pages(built_site):
        for tag in soup(page).find_all(["a", "img"]):
            url = tag.get("href") if tag.name == "a" else tag.get("src")
            if not url or EXTERNAL.match(url) or url.startswith(("mailto:", "data:", "javascript:")):
                continue
            parts = urlsplit(url)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{page.relative_to(built_site)}: {url} -> {target} missing"
            fragment = unquote(parts.fragment)
            if tag.name == "a" and fragment and target.suffix == ".html":
                assert fragment in anchors(target), f"{page.relative_to(built_site)}: anchor {url} missing"
            checked += 1
    assert checked > 50
