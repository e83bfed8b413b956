"""The 용어집 page's term list, kept from the last build while nothing it is made from changed.

The list is made from every rendered page (where each term is taught), so
making it reads all the site's HTML: about 0.7 s of a warm 100-page build.
It depends only on the glossary file, the pages' URLs, titles and HTML, the
glossary page's own URL and the code that makes it, so a hash of those finds
last build's list, kept as one content_cache.SingleEntryFile
(``.cache/search/glossary.json``): there is one list per site.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from course_site.content_cache import code_version, key_of

# The modules whose code decides the list: a change to them must not reuse an old list.
_MAKERS = ("glossary.py", "glossary_page.py")


def listing_key(glossary_text: str, page_url: str, pages: Iterable[tuple[str, str, str]]) -> str:
    """A hash of the glossary file, the glossary page's URL and every (url, title, html) page."""
    here = Path(__file__).parent
    makers = code_version(*(here / name for name in _MAKERS))
    return key_of(makers, glossary_text, page_url, *(part for page in pages for part in page))
