"""MkDocs adapter: only the configured palettes' rules of Material's palette.css (see course_site.palette_css).

overrides/main.html puts ``course_palette.css`` in a <style> where Material
links its whole palette.css (``course_palette.file``): one request less before
the first paint, and far fewer rules for a phone to match.
"""

from __future__ import annotations

from course_site.errors import CourseBuildError
from course_site.palette_css import configured_palettes, material_palette_stylesheet, palette_rules
from plugin_errors import reports_course_errors


@reports_course_errors
def on_env(env, config, files):
    env.globals["course_palette"] = trimmed_palette(config.theme.get("palette"), config.theme.dirs)
    return env


def trimmed_palette(palette, theme_dirs: list[str]) -> dict | None:
    """{"file": Material's palette stylesheet name, "css": its rules for ``palette``}; None without a palette."""
    palettes = configured_palettes(palette)
    if not palettes:
        return None  # Material links no palette stylesheet either
    stylesheet = material_palette_stylesheet(theme_dirs)
    if stylesheet is None:
        raise CourseBuildError(
            "Material 의 assets/stylesheets/palette.*.min.css 를 찾지 못했습니다. "
            "mkdocs-material 을 requirements.txt 의 버전으로 다시 설치하세요 (make)."
        )
    return {"file": stylesheet.name, "css": palette_rules(stylesheet.read_text(encoding="utf-8"), palettes)}
