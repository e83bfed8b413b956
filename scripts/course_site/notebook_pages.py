"""How a rendered notebook page fits into the site.

mkdocs-jupyter turns a notebook into HTML with nbconvert, whose heading ids
("1.-데이터-불러오기") differ from the ids the site's Markdown pages get
("1-데이터-불러오기", pymdownx.slugs) and from the ids in the table of
contents mkdocs-jupyter computes. Here headings get the site's ids and the
table of contents is rebuilt from them, so links pasted into chat look alike
everywhere and the sidebar links work.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import posixpath
import re
from pathlib import Path

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


_STYLE = re.compile(r"<style[^>]*>.*?</style>\s*", re.DOTALL)


def move_styles_to_shared_file(page_html: str, page_url: str, site_dir: Path) -> str:
    """Replace the notebook CSS inlined in a page by a link to one shared file.

    nbconvert inlines about 590 KB of JupyterLab CSS into every notebook page.
    Moved to ``assets/stylesheets/notebook.<hash>.css`` (same place in the
    cascade, since the link stands where the first style block stood), a
    reader's browser downloads it once for all notebook pages and caches it.
    """
    start = page_html.find("<article")
    if start < 0:
        return page_html
    head, body = page_html[:start], page_html[start:]
    blocks = _STYLE.findall(body)
    if not blocks:
        return page_html
    css = "\n".join(re.sub(r"^<style[^>]*>|</style>\s*$", "", block.strip()) for block in blocks)
    digest = hashlib.sha256(css.encode("utf-8")).hexdigest()[:12]
    target = f"assets/stylesheets/notebook.{digest}.css"
    path = site_dir / target
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(css, encoding="utf-8")
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    link = f'<link rel="stylesheet" href="{posixpath.relpath(target, base or ".")}">\n'
    first = True

    def replace(match: re.Match) -> str:
        nonlocal first
        keep, first = (link if first else ""), False
        return keep

    return head + _STYLE.sub(replace, body)
