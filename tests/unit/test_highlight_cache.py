"""Coloured code blocks kept across builds (course_site.highlight_cache): the same bytes, without Pygments."""

from __future__ import annotations

import markdown
import pymdownx.highlight
import pytest

from course_site import highlight_cache
from course_site.highlight_cache import HighlightCache, with_highlight_cache

# The site's own highlighting settings (mkdocs.yml) and the extensions code blocks meet there.
EXTENSIONS = ["admonition", "attr_list", "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.superfences"]
SETTINGS = {"pymdownx.highlight": {"anchor_linenums": True}}

# Every kind of block a page or a notebook has; the same code twice at two places.
PAGE = '''\
# 실습

```python
import numpy as np
x = np.arange(3)
```

```ipython3
!pip install koreanize-matplotlib
%timeit sum(range(10))
```

!!! note "안에 든 코드"

    ```python hl_lines="2" title="모델.py"
    from sklearn.cluster import KMeans
    model = KMeans(n_clusters=3)
    ```

`#!python len("인라인")` 은 그대로 둡니다.

    indented = "block"

```python
import numpy as np
x = np.arange(3)
```

```
plain text
```
'''


def rendered(text: str, settings=SETTINGS, cache: HighlightCache | None = None) -> str:
    extensions = EXTENSIONS if cache is None else with_highlight_cache(EXTENSIONS, settings, cache)
    return markdown.Markdown(extensions=extensions, extension_configs=settings).convert(text)


@pytest.fixture
def store(tmp_path):
    return tmp_path / "highlight" / "blocks.json"


def test_cached_blocks_are_byte_identical_to_pymdownx_at_every_position_of_the_page(store):
    expected = rendered(PAGE)
    assert "__codelineno-0-1" in expected and "__codelineno-4-1" in expected  # numbered per block
    cold = HighlightCache(store)
    assert rendered(PAGE, cache=cold) == expected
    cold.save()
    warm = HighlightCache(store)
    assert rendered(PAGE, cache=warm) == expected
    # Five fenced blocks. Inline code, and the indented block (pymdownx.highlight's own
    # tree processor colours those), are coloured as before in every build.
    assert (cold.made, warm.made, warm.reused) == (5, 0, 5)


def test_a_warm_render_does_not_run_pygments(store, monkeypatch):
    # Only fenced blocks: inline and indented code is coloured in every build.
    blocks_only = PAGE.replace('`#!python len("인라인")` 은 그대로 둡니다.', "").replace('    indented = "block"', "")
    cold = HighlightCache(store)
    expected = rendered(blocks_only, cache=cold)
    cold.save()

    def refuse(*args, **kwargs):
        raise AssertionError("Pygments was asked to colour a block")

    monkeypatch.setattr(pymdownx.highlight, "highlight", refuse)
    assert rendered(blocks_only, cache=HighlightCache(store)) == expected


def test_only_the_changed_block_is_coloured_again(store):
    first = HighlightCache(store)
    rendered(PAGE, cache=first)
    first.save()
    edited = PAGE.replace("x = np.arange(3)", "x = np.arange(4)", 1)
    again = HighlightCache(store)
    assert rendered(edited, cache=again) == rendered(edited)
    assert again.made == 1 and "np</span><span class=\"o\">.</span><span class=\"n\">arange" in rendered(edited)


def test_the_same_code_moved_to_another_place_gets_that_places_line_anchors(store):
    first = HighlightCache(store)
    rendered("```python\nx = 1\n```\n", cache=first)
    first.save()
    moved = "```python\ny = 2\n```\n\n```python\nx = 1\n```\n"
    assert rendered(moved, cache=HighlightCache(store)) == rendered(moved)
    assert 'id="__codelineno-1-1"' in rendered(moved)


def test_other_highlight_settings_never_reuse_blocks_coloured_with_these(store):
    first = HighlightCache(store)
    rendered(PAGE, cache=first)
    first.save()
    numbered = {"pymdownx.highlight": {"anchor_linenums": True, "linenums": True}}
    again = HighlightCache(store)
    assert rendered(PAGE, numbered, cache=again) == rendered(PAGE, numbered)
    assert again.reused == 0


def test_blocks_with_an_html_title_are_coloured_every_time(store):
    # superfences keeps an HTML title in the page's stash and leaves a numbered placeholder in the block.
    page = '```python title="<em>모델</em>.py" title_mode="html"\nx = 1\n```\n'
    cache = HighlightCache(store)
    assert rendered(page, cache=cache) == rendered(page)
    assert "<em>모델</em>" in rendered(page)
    assert cache.made == cache.reused == 0


def test_a_new_library_version_colours_everything_again(store, monkeypatch):
    first = HighlightCache(store)
    rendered(PAGE, cache=first)
    first.save()
    installed = highlight_cache.installed_distributions()
    monkeypatch.setattr(
        highlight_cache, "installed_distributions", lambda: tuple(sorted(installed + ("pygments-99.0.dist-info",)))
    )
    again = HighlightCache(store)
    assert rendered(PAGE, cache=again) == rendered(PAGE)
    assert again.reused == 0


def test_a_site_without_pymdownx_highlight_keeps_its_extensions_as_they_are(store):
    extensions = ["admonition", "pymdownx.superfences"]
    assert with_highlight_cache(extensions, {}, HighlightCache(store)) == extensions
