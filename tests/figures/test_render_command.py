"""scripts/render_figures.py draws with the settings the site build uses (mkdocs.yml extra.figures)."""

from __future__ import annotations

import render_figures

from conftest import GOOD_SCRIPT


def project_with(tree, figures_settings: str, monkeypatch):
    (tree.root / "mkdocs.yml").write_text(
        f"site_name: 시험\nextra:\n  figures:\n{figures_settings}", encoding="utf-8"
    )
    tree.script("g/plot", GOOD_SCRIPT)
    monkeypatch.setattr(render_figures, "ROOT", tree.root)


def test_a_setting_written_with_a_unit_stops_the_command_naming_it(tree, monkeypatch, capsys):
    project_with(tree, "    timeout: 60s\n", monkeypatch)
    assert render_figures.main([]) == 1
    assert "mkdocs.yml: extra.figures.timeout: 숫자(초)(으)로 쓰세요" in capsys.readouterr().err


def test_the_limits_of_mkdocs_yml_apply_to_the_command_too(tree, monkeypatch, capsys):
    project_with(tree, "    output_kb: 1\n", monkeypatch)
    assert render_figures.main([]) == 1
    assert "extra.figures.output_kb" in capsys.readouterr().err
