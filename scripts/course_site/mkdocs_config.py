"""mkdocs.yml read as plain data, for commands that run without building the site.

Loading the configuration through MkDocs would import every plugin and hook;
the maintainer commands (scaffold, render_figures) need only a few values.
MkDocs' own tags (``!!python/name:...``, ``!ENV``) are read as the plain data
under them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from course_site.errors import CourseBuildError


class _ConfigLoader(yaml.SafeLoader):
    pass


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)
_ConfigLoader.add_multi_constructor("!", _tagged)


def read_mkdocs_yml(root: Path) -> dict:
    """The top-level mapping of ``root/mkdocs.yml``; a missing or broken file is a CourseBuildError."""
    mkdocs_yml = root / "mkdocs.yml"
    if not mkdocs_yml.is_file():
        raise CourseBuildError(f"{mkdocs_yml}: 파일이 없습니다. --project 로 사이트 폴더를 지정하세요.")
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except yaml.YAMLError as error:
        raise CourseBuildError(f"{mkdocs_yml}: 올바른 YAML 이 아닙니다 ({error}).") from None
    return config if isinstance(config, dict) else {}
