"""Our settings under mkdocs.yml ``extra:``, checked before anything runs.

MkDocs leaves ``extra`` unchecked, so ``timeout: 60s`` or a misspelt key
would reach our code as a string or be silently ignored. Each hook declares
its section's settings here and gets back plain values, or one message per
mistake that names the key and shows a correct line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from course_site.errors import CourseBuildError


@dataclass(frozen=True)
class Setting:
    default: object
    kind: type  # int, float or str
    described: str  # what to write, as the message says it: "숫자(초)"
    minimum: float | None = None

    def read(self, value, key: str, name: str):
        example = f"예: {name}: {self.default:g}" if self.kind is not str else f"예: {name}: {self.default}"
        if self.kind is str:
            if isinstance(value, str) and value.strip():
                return value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if self.kind is int and value != int(value):
                pass  # 2.5 workers: say what is expected
            elif self.minimum is not None and value < self.minimum:
                raise CourseBuildError(f"mkdocs.yml: {key}: {self.minimum:g} 이상이어야 합니다, {example}")
            else:
                return self.kind(value)
        raise CourseBuildError(f"mkdocs.yml: {key}: {self.described}(으)로 쓰세요, {example}")


def seconds(default: float) -> Setting:
    return Setting(float(default), float, "숫자(초)", minimum=1)


def count(default: int) -> Setting:
    return Setting(int(default), int, "0 이상의 정수(개수)", minimum=0)


def megabytes(default: int) -> Setting:
    return Setting(int(default), int, "정수(MB)", minimum=64)


def kilobytes(default: int) -> Setting:
    return Setting(int(default), int, "정수(KB)", minimum=1)


def text(default: str) -> Setting:
    return Setting(default, str, "글자")


def read_settings(extra, section: str, declared: dict[str, Setting]) -> dict:
    """``extra.<section>`` with every declared key present (defaults filled in), or an error."""
    values = (extra or {}).get(section)
    if values is None:
        values = {}
    if not isinstance(values, dict):
        first = next(iter(declared))
        raise CourseBuildError(
            f"mkdocs.yml: extra.{section}: 설정 목록이어야 합니다 (한 줄에 '이름: 값'), "
            f"예:\n  extra:\n    {section}:\n      {first}: {declared[first].default}"
        )
    problems = []
    for name in values:
        if name not in declared:
            close = difflib.get_close_matches(str(name), declared, n=1, cutoff=0.5)
            hint = f" 혹시 {close[0]} 인가요?" if close else ""
            problems.append(
                f"mkdocs.yml: extra.{section}.{name}: 모르는 설정입니다.{hint} "
                f"쓸 수 있는 설정: {', '.join(declared)}"
            )
    settings = {}
    for name, setting in declared.items():
        try:
            settings[name] = setting.read(values.get(name, setting.default), f"extra.{section}.{name}", name)
        except CourseBuildError as error:
            problems.append(str(error))
    if problems:
        raise CourseBuildError("\n".join(problems))
    return settings
