"""The marks that the scaffold and the Jekyll importer leave for a person to finish.

They are defined here once: the tools write them, and the build refuses to
publish a page that still holds one (``course_site.page_checks``).
"""

from __future__ import annotations

# The scaffold's summary until the author writes one.
SCAFFOLD_SUMMARY = "한 줄로 소개해 주세요"
# Title of the box the importer puts where a picture from another server was;
# the figure must be redrawn by a script under figures/.
REDRAW_TITLE = "그림 다시 그리기 필요"
# Any text the scaffold or the importer leaves for the author, e.g.
# "<!-- 미완성: 이 절을 채우세요 -->". Writing it by hand works the same way.
TODO_COMMENT = "<!-- 미완성:"
