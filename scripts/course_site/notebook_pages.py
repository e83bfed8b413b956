"""How a rendered notebook page fits into the site.

mkdocs-jupyter turns a notebook into HTML with nbconvert, whose heading ids
("1.-데이터-불러오기") differ from the ids the site's Markdown pages get
("1-데이터-불러오기", pymdownx.slugs) and from the ids in the table of
contents mkdocs-jupyter computes. Here headings get the site's ids and the
table of contents is rebuilt from them, so links pasted into chat look alike
everywhere and the sidebar links work.
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re

from mkdocs.structure.toc import get_toc

from course_site.seminars import read_front_matter

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'\s*\bid="[^"]*"')
_ANCHOR_LINK = re.compile(r'<a class="anchor-link"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NOTEBOOK_LINK = re.compile(r"\]\(\s*<?([^)\s>]+\.ipynb)(?:#[^)\s>]*)?>?")


# nbconvert's template loads MathJax from a CDN (or, with mkdocs-jupyter's
# empty default URL, requests the page itself). The site loads nothing from
# other hosts, so both go; math in notebooks shows as plain TeX for now.
_REMOTE_SCRIPTS = re.compile(
    r'<script src="[^"]*"></script>|<script type="text/x-mathjax-config">.*?</script>', re.DOTALL
)


def without_remote_scripts(page_html: str) -> str:
    return _REMOTE_SCRIPTS.sub("", page_html)


def site_slugify(config):
    """The slugify function the site's Markdown pages use (toc extension setting)."""
    toc_config = (config.mdx_configs or {}).get("toc", {})
    slugify = toc_config.get("slugify")
    if slugify is None:
        from markdown.extensions.toc import slugify
    return slugify


def with_site_heading_ids(page_html: str, config) -> tuple[str, object]:
    """Rewrite heading ids with the site's slugify; return the new HTML and its toc."""
    slugify = site_slugify(config)
    separator = (config.mdx_configs or {}).get("toc", {}).get("separator", "-")
    permalink_title = (config.mdx_configs or {}).get("toc", {}).get("permalink_title", "")
    used: set[str] = set()
    flat: list[dict] = []

    def rewrite(match: re.Match) -> str:
        level, attributes, inner = int(match.group(1)), match.group(2), match.group(3)
        inner = _ANCHOR_LINK.sub("", inner).strip()
        text = html_lib.unescape(_TAG.sub("", inner)).strip()
        base = slugify(text, separator) or f"section-{len(flat) + 1}"
        anchor, count = base, 0
        while anchor in used:  # same rule as the toc extension: id, id_1, id_2 ...
            count += 1
            anchor = f"{base}_{count}"
        used.add(anchor)
        flat.append({"level": level, "id": anchor, "name": html_lib.escape(text), "children": []})
        attributes = _ID.sub("", attributes)
        permalink = (
            f'<a class="headerlink" href="#{anchor}" title="{html_lib.escape(permalink_title)}">¶</a>'
        )
        return f'<h{level} id="{anchor}"{attributes}>{inner}{permalink}</h{level}>'

    page_html = _HEADING.sub(rewrite, page_html)
    return page_html, get_toc(nest(flat))


def nest(flat: list[dict]) -> list[dict]:
    """Flat headings in page order -> the nested token tree MkDocs' get_toc takes."""
    roots: list[dict] = []
    stack: list[dict] = []
    for token in flat:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(token)
        stack.append(token)
    return roots


def notebook_backlinks(pages: dict[str, str], notebook_uris: set[str]) -> dict[str, list[tuple[str, str]]]:
    """For each notebook, the pages (src_uri, title) whose Markdown links to it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for src_uri, source in sorted(pages.items()):
        targets = {
            posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), link))
            for link in _NOTEBOOK_LINK.findall(source)
        }
        title = str(read_front_matter(source).get("title") or src_uri)
        for target in sorted(targets & notebook_uris):
            found.setdefault(target, []).append((src_uri, title))
    return found


def notebook_actions(page_url: str, download_name: str, colab: str, seminars: list[tuple[str, str]]) -> str:
    """Download / Colab buttons and links back to the seminars that use the notebook.

    ``seminars`` holds (site URL of the seminar page, title) pairs.
    """
    base = page_url if page_url.endswith("/") else posixpath.dirname(page_url) + "/"
    buttons = [
        f'<a class="md-button md-button--primary" href="{html_lib.escape(download_name)}" download>'
        ".ipynb 내려받기</a>"
    ]
    if colab:
        buttons.append(
            f'<a class="md-button" href="{html_lib.escape(colab)}" rel="noopener">Colab에서 열기</a>'
        )
    links = ", ".join(
        f'<a href="{html_lib.escape(posixpath.relpath(url or ".", base or ".") + "/")}">{html_lib.escape(title)}</a>'
        for url, title in seminars
    )
    seminar_line = f'\n<p class="notebook-actions__seminar">함께 읽을 세미나: {links}</p>' if links else ""
    return f'<div class="notebook-actions">\n{" ".join(buttons)}{seminar_line}\n</div>\n'
