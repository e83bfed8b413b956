"""Put our Korean search script (search_worker.js) in front of Material's search worker,
and hand the worker the search index without the page's main thread.

Material 9 has no custom search transforms, and the worker is started by its
bundle from a URL fixed in the theme's template. Prepending our script to the
worker file in the built site makes it run first inside the worker, with no
template change. The script is marked, so a rebuild that keeps the old
worker file (``mkdocs serve``) replaces it instead of adding a second copy.

Material's page script fetches search/search_index.json when a page opens,
parses it and copies it to the worker, on the main thread of every page view:
at 100 pages that index is 4 MB, and a phone's page is blocked the longer for
it each time a page opens. So the index goes to search/full_index.json, which
the worker fetches and parses itself, and search_index.json keeps only the
settings the page uses (its search highlighting reads config) and the path
to the full index.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from course_site.errors import CourseBuildError

SCRIPT = Path(__file__).with_name("search_worker.js")
WORKERS = "assets/javascripts/workers"
MATERIAL_INDEX = "search/search_index.json"
FULL_INDEX = "search/full_index.json"
# Material writes an index's settings before its documents.
_CONFIG_FIRST = re.compile(r'\{\s*"config"\s*:\s*')
_DOCS_NEXT = re.compile(r'\s*,\s*"docs"\s*:')
_END = "/* end of course-site search prelude */\n"


def install_search_worker(site_dir: Path, script: str | None = None) -> Path:
    """Prepend the script to Material's ``search.*.min.js`` in ``site_dir``; returns that file."""
    script = script if script is not None else SCRIPT.read_text(encoding="utf-8")
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if len(workers) != 1:
        raise CourseBuildError(
            f"Material 의 검색 worker ({WORKERS}/search.*.min.js)를 사이트에서 하나만 찾아야 하는데 "
            f"{len(workers)}개를 찾았습니다. mkdocs-material 버전이 바뀌었다면 "
            "scripts/course_site/search_worker.py 를 새 버전에 맞춰 확인하세요."
        )
    worker = workers[0]
    original = worker.read_text(encoding="utf-8")
    if _END in original:
        original = original.split(_END, 1)[1]
    if not script.endswith(_END):
        raise CourseBuildError(f"{SCRIPT.name} 는 '{_END.strip()}' 줄로 끝나야 합니다.")
    marker = f"/* course-site search prelude {hashlib.sha256(script.encode()).hexdigest()[:12]} */\n"
    worker.write_text(marker + script + original, encoding="utf-8")
    return worker


def write_search_index(site_dir: Path, text: str) -> None:
    """Write the finished index ``text`` as the worker's full index and Material's small one.

    ``text`` is the JSON of Material's index object ({"config": ..., "docs": [...]}).
    The worker finds the full index at ``config.full_index``, a URL relative to its
    own script; the page keeps Material's settings but not our analyser's data.
    """
    try:
        config = index_config(text)
    except (ValueError, KeyError, TypeError) as error:  # a damaged .cache/search/finished_index.json
        raise CourseBuildError(
            f"검색 색인을 쓸 수 없습니다: 설정(config)을 읽지 못했습니다 ({error}). "
            ".cache/search/finished_index.json 을 지우고 다시 빌드하세요."
        ) from None
    settings = {key: value for key, value in config.items() if key != "korean"}
    settings["full_index"] = "../" * len(WORKERS.split("/")) + FULL_INDEX
    (site_dir / FULL_INDEX).write_text(text, encoding="utf-8")
    small = json.dumps({"config": settings, "docs": []}, ensure_ascii=False, separators=(",", ":"))
    (site_dir / MATERIAL_INDEX).write_text(small, encoding="utf-8")


def index_config(text: str) -> dict:
    """The ``config`` of an index's JSON, read without parsing its documents (megabytes at 100 pages)."""
    start = _CONFIG_FIRST.match(text)
    if start:
        config, end = json.JSONDecoder().raw_decode(text, start.end())
        if isinstance(config, dict) and _DOCS_NEXT.match(text, end):
            return config
    return json.loads(text)["config"]


def index_files(site_dir: Path) -> list[Path]:
    """The search index files a reader's browser downloads (a stock build has only Material's)."""
    return [path for path in (site_dir / MATERIAL_INDEX, site_dir / FULL_INDEX) if path.exists()]
