"""Links that members pasted into chat keep working: page URLs and heading anchors.

``published-links.txt`` (next to mkdocs.yml, checked in) lists every page URL
and heading anchor the site has published. A build that no longer has one of
them warns (fatal under ``--strict``) naming the old address and the likely
new one, unless the author kept the old address alive in the page's front
matter::

    redirect_from: [2022-2/04-old-slug/]        # this page used to live there
    anchor_aliases: {1-옛-제목: 1-새-제목}        # this heading used to have that id

A redirect is a small Korean page at the old URL that forwards to the new one,
keeping the ``#anchor``; an alias is an empty element with the old id inside
the renamed heading, so the old link still scrolls to it. Removing an address
on purpose is one command: ``python scripts/published_links.py --update``.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from dataclasses import dataclass, field

SNAPSHOT_NAME = "published-links.txt"
# Set to "1" by `published_links.py --update`: the build then rewrites the snapshot instead of checking it.
UPDATE_ENV = "COURSE_SITE_UPDATE_LINKS"
SNAPSHOT_HEADER = (
    "# 공개된 페이지 주소와 제목 주소(앵커). 단톡방에 붙여 넣은 링크가 깨지지 않도록 빌드가 확인합니다.\n"
    "# 손으로 고치지 말고 python scripts/published_links.py --update 로 다시 만드세요 (README '주소 지키기').\n"
)
_HEADING_ID = re.compile(r"<h[1-6][^>]*\sid=\"([^\"]+)\"")
_ALIAS_ID = re.compile(r"<a id=\"([^\"]+)\" class=\"anchor-alias\"")


@dataclass
class SiteLinks:
    """What a build publishes: page URL -> heading ids, plus the old addresses it keeps alive."""

    anchors: dict[str, set[str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # old URL -> new URL

    def add_page(self, url: str, page_html: str) -> None:
        ids = set(_HEADING_ID.findall(page_html)) | set(_ALIAS_ID.findall(page_html))
        self.anchors[url] = ids | self.anchors.get(url, set())

    def lines(self) -> list[str]:
        found = []
        for url, ids in self.anchors.items():
            found.append(address(url))
            found.extend(f"{address(url)}#{anchor}" for anchor in ids)
        return sorted(found)

    def resolves(self, line: str) -> bool:
        url, _, anchor = line.partition("#")
        page = url.lstrip("/")
        if page in self.redirects:
            target = self.redirects[page]
            return not anchor or anchor in self.anchors.get(target, set())
        if page not in self.anchors:
            return False
        return not anchor or anchor in self.anchors[page]


def address(url: str) -> str:
    return "/" + url


def read_snapshot(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def write_snapshot(links: SiteLinks) -> str:
    return SNAPSHOT_HEADER + "\n".join(links.lines()) + "\n"


def lost_links(snapshot: list[str], links: SiteLinks) -> list[str]:
    """One message per published address the build no longer serves, with the likely fix.

    A page that is gone takes all its heading addresses with it: it gets one
    message (counting them), not one per heading, since one redirect keeps all.
    """
    messages = []
    gone_pages: dict[str, int] = {}  # vanished page url -> its published heading addresses
    for line in snapshot:
        if links.resolves(line):
            continue
        url, _, anchor = line.partition("#")
        page = url.lstrip("/")
        if anchor and page in links.anchors:
            new = sorted(links.anchors[page] - {a.partition("#")[2] for a in snapshot if a.startswith(url + "#")})
            guess = likely_successor(anchor, new)
            messages.append(
                f"{line}: 공개된 제목 주소 #{anchor} 가 사라졌습니다"
                + (f" (새 주소는 #{guess[0]} 인가요?)" if guess else "")
                + ". 제목을 바꿨다면 그 페이지 front matter 에 "
                f"anchor_aliases: {{{anchor}: {guess[0] if guess else '<새 제목 주소>'}}} 를 넣어 옛 링크를 살리세요."
            )
        else:
            gone_pages[url] = gone_pages.get(url, 0) + (1 if anchor else 0)
    published_pages = {line.partition("#")[0].lstrip("/") for line in snapshot}
    for url, headings in gone_pages.items():
        page = url.lstrip("/")
        guess = likely_successor(page, [u for u in links.anchors if u not in published_pages])
        messages.append(
            f"{url}: 공개된 페이지 주소가 사라졌습니다"
            + (f" (제목 주소 {headings}개 포함)" if headings else "")
            + (f" (새 주소는 /{guess[0]} 인가요?)" if guess else "")
            + f". 페이지를 옮겼다면 새 페이지 front matter 에 redirect_from: [{page}] 를 넣어 옛 주소가 "
            "새 페이지로 가게 하세요 (제목 주소도 함께 살아납니다)."
        )
    if messages:
        messages.append(
            "일부러 지운 주소라면 python scripts/published_links.py --update 로 published-links.txt 를 고치세요."
        )
    return messages


def likely_successor(old: str, new: list[str]) -> list[str]:
    """The one new address if there is one, else the most similar (headings are often reworded entirely)."""
    if len(new) == 1:
        return new
    return difflib.get_close_matches(old, new, n=1, cutoff=0.2)


def redirect_page(old_url: str, new_url: str, title: str) -> str:
    """A Korean page at ``old_url`` that forwards to ``new_url``, keeping the #anchor."""
    # The page is written as <old_url>index.html, so links start from the old URL itself.
    target = posixpath.relpath(new_url or ".", old_url.rstrip("/") or ".")
    target = target + "/" if not target.endswith("/") else target
    href = html.escape(target, quote=True)
    return (
        '<!doctype html>\n<html lang="ko">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)} — 주소가 바뀌었습니다</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{href}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f"<script>location.replace({target!r} + location.hash)</script>\n"
        "</head>\n<body>\n"
        f'<p>이 페이지는 <a href="{href}">{html.escape(title)}</a>(으)로 옮겨졌습니다.</p>\n'
        "</body>\n</html>\n"
    )


def with_anchor_aliases(page_html: str, aliases: dict[str, str], display: str) -> tuple[str, list[str]]:
    """Put each old id inside the heading that now has the new id; report aliases that point nowhere."""
    problems = []
    for old, new in aliases.items():
        pattern = re.compile(rf"(<h[1-6][^>]*\sid=\"{re.escape(str(new))}\"[^>]*>)")
        if not pattern.search(page_html):
            problems.append(
                f"{display}: anchor_aliases 의 '{old}: {new}' — 이 페이지에 id 가 '{new}' 인 제목이 없습니다. "
                "제목 옆 ¶ 링크에서 새 주소를 확인하세요."
            )
            continue
        alias = f'<a id="{html.escape(str(old), quote=True)}" class="anchor-alias" aria-hidden="true"></a>'
        page_html = pattern.sub(lambda m: m.group(1) + alias, page_html, count=1)
    return page_html, problems


def kept_addresses(meta: dict, display: str, line_of) -> tuple[list[str], dict[str, str], list[str]]:
    """A page's ``redirect_from`` (as site URLs) and ``anchor_aliases``, with any mistakes in them."""
    problems = []
    redirects = meta.get("redirect_from") or []
    if isinstance(redirects, str):
        redirects = [redirects]
    if not isinstance(redirects, list) or not all(isinstance(r, str) and r.strip() for r in redirects):
        problems.append(f"{display}:{line_of('redirect_from')}: 'redirect_from' 은 옛 주소 목록입니다. 예: redirect_from: [2022-2/04-old-slug/]")
        redirects = []
    aliases = meta.get("anchor_aliases") or {}
    if not isinstance(aliases, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()):
        problems.append(f"{display}:{line_of('anchor_aliases')}: 'anchor_aliases' 는 '옛 제목 주소: 새 제목 주소' 목록입니다. "
                        "예: anchor_aliases: {1-옛-제목: 1-새-제목}")
        aliases = {}
    return [site_url_of(r) for r in redirects], {k.lstrip("#"): v.lstrip("#") for k, v in aliases.items()}, problems


def site_url_of(old: str) -> str:
    """'/2022-2/old/', '2022-2/old', '2022-2/old.md' -> '2022-2/old/' (directory URLs)."""
    path = old.strip().lstrip("/").split("#")[0]
    if path.endswith(".md"):
        path = path[: -len(".md")]
        path = path[: -len("index")] if path.endswith("index") else path + "/"
    return path if not path or path.endswith("/") else path + "/"
