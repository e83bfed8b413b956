"""Put our Korean search script (search_worker.js) in front of Material's search worker.

Material 9 has no custom search transforms, and the worker is started by its
bundle from a URL fixed in the theme's template. Prepending our script to the
worker file in the built site makes it run first inside the worker, with no
template change and no extra request. The script is marked, so a rebuild
that keeps the old worker file (``mkdocs serve``) replaces it instead of
adding a second copy.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from course_site.errors import CourseBuildError

SCRIPT = Path(__file__).with_name("search_worker.js")
WORKERS = "assets/javascripts/workers"
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
