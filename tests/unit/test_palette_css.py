"""The palette rules a page carries: those of the palettes mkdocs.yml configures, read from Material's own file."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from course_site.errors import CourseBuildError
from course_site.palette_css import configured_palettes, material_palette_stylesheet, palette_rules
from hook_theme_css import trimmed_palette

MATERIAL_TEMPLATES = str(Path(material.__file__).parent / "templates")
MATERIAL_PALETTE = material_palette_stylesheet([MATERIAL_TEMPLATES]).read_text(encoding="utf-8")
LIGHT_AND_DARK_INDIGO = [
    {"scheme": "default", "primary": "indigo", "accent": "indigo"},
    {"scheme": "slate", "primary": "indigo", "accent": "indigo"},
]


def colours_named(css: str, key: str) -> set[str]:
    """The values X of every [data-md-color-KEY=X] condition in ``css`` (negated ones included)."""
    return set(re.findall(rf"\[data-md-color-{key}=\"?([\w-]+)", css))


def test_only_the_configured_colours_keep_their_rules():
    kept = palette_rules(MATERIAL_PALETTE, configured_palettes(LIGHT_AND_DARK_INDIGO))
    assert colours_named(MATERIAL_PALETTE, "primary") > {"indigo", "pink", "teal"}  # what there is to trim
    assert colours_named(kept, "primary") == {"indigo"}
    assert colours_named(kept, "accent") == {"indigo"}
    assert colours_named(kept, "scheme") == {"slate"}  # "default" is main.css's own
    assert "[data-md-color-scheme=slate][data-md-color-primary=indigo]{" in kept
    assert len(kept) < len(MATERIAL_PALETTE) / 2


def test_a_palette_changed_in_mkdocs_yml_is_followed():
    kept = palette_rules(MATERIAL_PALETTE, configured_palettes([{"primary": "deep orange", "accent": "lime"}]))
    assert colours_named(kept, "primary") == {"deep-orange"}
    assert colours_named(kept, "accent") == {"lime"}
    assert "[data-md-color-scheme=slate]" not in kept  # no dark palette configured, no dark rules


def test_a_rule_for_other_schemes_is_kept_only_for_a_palette_it_can_match():
    css = (
        "[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--a:1}"
        "@media screen{[data-md-color-primary=lime] .md-tabs{--b:2}[data-md-color-primary=pink] .md-tabs{--c:3}}"
        "[data-md-color-primary=pink],.md-typeset{--d:4}"
    )
    dark_lime = palette_rules(css, configured_palettes([{"scheme": "slate", "primary": "lime"}]))
    light_lime = palette_rules(css, configured_palettes([{"scheme": "default", "primary": "lime"}]))
    assert dark_lime == "@media screen{[data-md-color-primary=lime] .md-tabs{--b:2}}.md-typeset{--d:4}"
    assert light_lime.startswith("[data-md-color-primary=lime]:not([data-md-color-scheme=slate]){--a:1}")


def test_the_colour_switching_rules_are_left_out():
    kept = palette_rules(MATERIAL_PALETTE, configured_palettes(LIGHT_AND_DARK_INDIGO))
    assert "data-md-color-switching" in MATERIAL_PALETTE
    assert "data-md-color-switching" not in kept


def test_a_palette_entry_missing_keys_gets_materials_defaults():
    (palette,) = configured_palettes({"media": "(prefers-color-scheme: dark)", "scheme": "slate"})
    assert (palette.scheme, palette.primary, palette.accent) == ("slate", "indigo", "indigo")


def test_a_palette_entry_that_is_not_a_mapping_names_mkdocs_yml():
    with pytest.raises(CourseBuildError, match=r"mkdocs.yml: theme.palette 의 2번째 항목"):
        configured_palettes([{"scheme": "default"}, "slate"])


def test_a_site_without_a_palette_gets_no_palette_rules():
    assert trimmed_palette(None, [MATERIAL_TEMPLATES]) is None


def test_a_missing_material_palette_stylesheet_says_how_to_fix(tmp_path):
    with pytest.raises(CourseBuildError, match="mkdocs-material 을 requirements.txt 의 버전으로 다시 설치"):
        trimmed_palette(LIGHT_AND_DARK_INDIGO, [str(tmp_path)])
