"""Whether ``mkdocs build --strict`` has already failed, for hooks about to do work it would throw away.

In strict mode MkDocs counts every warning with a handler on the "mkdocs"
logger and stops the build after ``on_post_build`` if it counted any. By then
the site is never written, so a hook that only makes output (the search
index: seconds of Korean analysis after an edit) can skip it, and the
maintainer reads the broken link or missing anchor that much sooner. Hooks
that find mistakes still run: every mistake is reported in one build.
"""

from __future__ import annotations

import logging

from mkdocs.utils import CountHandler


def strict_build_failed(config) -> bool:
    """True when a strict build has logged a warning, so it will stop without writing the site."""
    if not config.strict:
        return False
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(handler, CountHandler) and handler.get_counts() for handler in handlers)
