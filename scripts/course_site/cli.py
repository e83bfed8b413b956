"""argparse that speaks Korean, shared by the command-line tools in scripts/."""

from __future__ import annotations

import argparse
import sys


class KoreanHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "사용법: " if prefix is None else prefix)


class KoreanArgumentParser(argparse.ArgumentParser):
    """Korean usage line, group titles and error text; help keeps its own line breaks."""

    def __init__(self, *args, add_help: bool = True, **kwargs):
        kwargs.setdefault("formatter_class", KoreanHelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        # argparse has no public setting for these two titles.
        self._positionals.title = "위치 인자"
        self._optionals.title = "옵션"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="이 도움말을 보여 주고 끝냅니다")

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 오류: {message}\n자세한 설명: {self.prog} --help\n")


def whole_number(minimum: int):
    """An argparse ``type``: an integer of at least ``minimum``, or a Korean error naming the value."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum:
            raise argparse.ArgumentTypeError(f"{minimum} 이상의 정수를 쓰세요 (받은 값: {text!r})")
        return value

    return parse
