"""The Korean analyser in a process of its own, started while MkDocs is still rendering pages.

A build that analyses a few edited blocks spends about 1 s of CPU importing
kiwipiepy, reading its model and the dictionaries' indexes before the first
block, and kiwipiepy holds the GIL while it does, so a thread would not help.
Started in a process of its own when the first changed text is seen
(hook_search, while pages are still being rendered on the other core), the
load is over by the time the search index wants the analysis, and the texts
sent ahead with it (``prefetch``) are already analysed.

It can be started before any block of text is known: as soon as the build
sees an edited page's Markdown (hook_search ``on_files``), with that Markdown
to ``prepare`` for (its dictionary entries loaded, the model built), so both
the load and kiwipiepy's model build overlap the rendering of every page.

The process speaks JSON lines: a request is a list of texts, the answer one
morpheme list per text (``[form, tag, start, length]``), or
``{"error": message}`` when the analyser cannot be loaded. A request to
prepare (``{"prepare": texts}``) or to analyse ahead is answered ``[]``. It exits when its
input ends. ``mkdocs serve`` keeps it for the whole session (the module is
imported once) and closes it at exit.

Run as ``python -m course_site.analyser_process [CACHE_DIR]``.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
from pathlib import Path

from course_site.errors import CourseBuildError
from course_site.korean_search import Morpheme

_SCRIPTS = Path(__file__).resolve().parent.parent


class AnalyserProcess:
    """An Analyse (texts -> morpheme lists) answered by the process; ``prefetch`` sends texts ahead."""

    def __init__(self, cache_dir: Path | None):
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_SCRIPTS), env.get("PYTHONPATH")]))
        env.setdefault("PYTHONIOENCODING", "utf-8")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "course_site.analyser_process", str(cache_dir or "")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
        )
        self.unread = 0  # answers to prefetches, not read yet
        atexit.register(self.close)

    def prepare(self, texts: list[str]) -> None:
        """Have the analyser loaded and made ready for ``texts`` (Markdown, say) without analysing them."""
        self._write({"prepare": texts})
        self.unread += 1

    def prefetch(self, texts: list[str]) -> None:
        """Have ``texts`` analysed now; the answer is read (and dropped) before the next request's."""
        if texts:
            self._send(texts, keep=False)
            self.unread += 1

    def __call__(self, texts: list[str]) -> list[list[Morpheme]]:
        if not texts:
            return []
        self._send(texts, keep=True)
        while self.unread:
            self._answer()
            self.unread -= 1
        return [[Morpheme(*m) for m in found] for found in self._answer()]

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()

    def stop(self) -> None:
        """End the process now, dropping what it was doing: a failing build does not wait for it."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def _send(self, texts: list[str], keep: bool) -> None:
        self._write({"texts": texts, "keep": keep})

    def _write(self, request: dict) -> None:
        try:
            self.process.stdin.write(json.dumps(request, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
        except OSError:
            self._failed()

    def _answer(self):
        line = self.process.stdout.readline()
        if not line:
            self._failed()
        answer = json.loads(line)
        if isinstance(answer, dict):
            raise CourseBuildError(answer["error"])
        return answer

    def _failed(self):
        raise CourseBuildError(
            f"한국어 분석 프로세스가 끝나 버렸습니다 (종료 코드 {self.process.wait()}). 위의 오류를 보고 고친 뒤 다시 빌드하세요."
        )


_running: dict[Path | None, AnalyserProcess] = {}


def analyser_process(cache_dir: Path | None = None) -> AnalyserProcess:
    """One analyser process per project for the life of this process (a ``mkdocs serve`` session).

    One that ended (stopped by a failing build, or crashed and reported) is
    replaced: the next build of a ``mkdocs serve`` session gets a working one.
    """
    process = _running.get(cache_dir)
    if process is None or not process.running:
        process = _running[cache_dir] = AnalyserProcess(cache_dir)
    return process


def main(argv: list[str]) -> int:
    from course_site.korean_analyser import kiwi_analyser

    cache_dir = Path(argv[0]) if argv and argv[0] else None
    try:
        analyse = kiwi_analyser(cache_dir)
        # Texts analysed ahead, by text: the request that follows asks for them again.
        ahead: dict[str, list] = {}
        for line in sys.stdin:
            request = json.loads(line)
            if "prepare" in request:
                analyse.prepare(request["prepare"])
                print("[]", flush=True)
                continue
            texts = request["texts"]
            new = [text for text in dict.fromkeys(texts) if text not in ahead]
            ahead.update(zip(new, ([list(m) for m in found] for found in analyse(new))))
            if request["keep"]:
                print(json.dumps([ahead[text] for text in texts], ensure_ascii=False), flush=True)
                ahead.clear()
            else:
                print("[]", flush=True)
    except CourseBuildError as error:
        return _report(str(error))
    except Exception as error:  # the build names the failure; a traceback here would only hide it
        return _report(
            f"한국어 분석기가 검색 색인용 글을 분석하다 멈췄습니다 ({type(error).__name__}: {error}). "
            "`rm -rf .cache/search` 뒤 다시 빌드하고, 그래도 같으면 requirements.txt 의 kiwipiepy 판으로 다시 설치하세요."
        )
    return 0


def _report(message: str) -> int:
    print(json.dumps({"error": message}, ensure_ascii=False), flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
