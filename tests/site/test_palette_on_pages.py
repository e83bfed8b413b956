"""Every page carries the configured palettes' rules inline instead of linking Material's palette.css."""

from __future__ import annotations

from support import mkdocs_build, soup


def test_pages_inline_the_palette_rules_instead_of_linking_materials_palette_css(built_site):
    pages = sorted(built_site.rglob("index.html"))
    assert pages
    for page in pages:
        if page.parent.name == "search" or "assets" in page.parts:
            continue
        html = soup(page)
        linked = [link["href"] for link in html.select("link[rel=stylesheet]")]
        assert not [href for href in linked if "/palette." in href], page
        inline = html.select_one("head style#course-palette")
        assert inline is not None and "[data-md-color-primary=" in inline.string, page
        # Same place in the cascade as Material's link: right after main.css.
        assert inline.find_previous("link", rel="stylesheet")["href"].split("/")[-1].startswith("main."), page


def test_a_palette_changed_in_mkdocs_yml_changes_the_inlined_rules(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "primary: indigo" in text
    config.write_text(text.replace("primary: indigo", "primary: deep orange"), encoding="utf-8")
    result = mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    inline = soup(tmp_path / "site" / "index.html").select_one("style#course-palette").string
    assert "[data-md-color-primary=deep-orange]" in inline
    assert "[data-md-color-primary=indigo]" not in inline
