"""The 용어집 page's term list, kept from the last build while nothing it is made from changed.

The list is made from every rendered page (where each term is taught), so
making it reads all the site's HTML: about 0.7 s of a warm 100-page build.
It depends only on the glossary file, the pages' URLs, titles and HTML, the
glossary page's own URL and the code that makes it, so a hash of those finds
last build's list, kept as one content_cache.SingleEntryFile
(``.cache/search/glossary.json``): there is one list per site.

When a page changed, only that page is read again: what each page teaches
(glossary_page.page_taught) is kept per page in a content_cache.KeyedFile
(``.cache/search/glossary_pages.json``), valid for one glossary and one version of the code.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from course_site.content_cache import KeyedFile, code_version, key_of
from course_site.glossary import Glossary
from course_site.glossary_page import Section, Taught, page_sections, page_taught

# The modules whose code decides the list: a change to them must not reuse an old list.
_MAKERS = ("glossary.py", "glossary_page.py")


def _makers() -> str:
    here = Path(__file__).parent
    return code_version(*(here / name for name in _MAKERS))


def listing_key(glossary_text: str, page_url: str, pages: Iterable[tuple[str, str, str]]) -> str:
    """A hash of the glossary file, the glossary page's URL and every (url, title, html) page."""
    return key_of(_makers(), glossary_text, page_url, *(part for page in pages for part in page))


def taught_by_page(
    glossary: Glossary, glossary_text: str, pages: list[tuple[str, str, str]], path: Path
) -> list[dict[str, Taught]]:
    """page_taught of every (url, title, html) page, in order; unchanged pages from the file at ``path``."""
    stored = KeyedFile(path, key_of(_makers(), glossary_text))
    found = []
    for url, title, content in pages:
        key = key_of(url, title, content)
        kept = stored.get(key)
        if kept is None:
            taught = page_taught(glossary, page_sections(url, title, content))
            kept = {
                name: [[[section.url, section.title] for section in kind] for kind in kinds]
                for name, kinds in taught.items()
            }
            stored.put(key, kept)
        found.append({
            name: Taught(*([Section(url_, title, heading, "") for url_, heading in kind] for kind in kinds))
            for name, kinds in kept.items()
        })
    stored.save()
    return found
