"""Build the site strictly, replacing site/ only when the whole build succeeded.

    python scripts/build_site.py            # what `make build` runs

The build goes into site.partial/ first; only a build with no error and no
warning (``mkdocs build --strict``) replaces site/. A failed build leaves the
last good site/ exactly as it was, so nothing half-built is ever published.
Exit status: 0 on success, 1 when the build failed (MkDocs' messages say why).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    project = Path(argv[0]).resolve() if argv else ROOT
    partial, site = project / "site.partial", project / "site"
    shutil.rmtree(partial, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(partial)],
        env=env,
    )
    if result.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        kept = "이전에 성공한 site/ 는 그대로 두었습니다." if site.exists() else "site/ 는 만들지 않았습니다."
        print(f"\n빌드가 실패했습니다. 위의 메시지를 보고 고친 뒤 다시 실행하세요. {kept}", file=sys.stderr)
        return 1
    old = project / "site.old"
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    partial.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
