"""The theme's templates compiled once, not in every build.

Jinja turns every template a build renders (Material's ``base.html`` and its
few dozen partials, our ``overrides/``) into Python code each time a process
first loads it: parsing and compiling them was about a third of a build in
which nothing changed (0.35 s of CPU of the real site's 1.8 s, measured
2026-11-26). Jinja can keep the compiled code between processes (a
"bytecode cache", ``Environment.bytecode_cache``); this is one in the shape
of our other caches (course_site.content_cache): one file per template in
``.cache/templates`` next to mkdocs.yml, written atomically, removed after a
week unused.

An entry is reused only for the same template file with the same text (Jinja
checks a checksum of the source on every load), compiled by the same Jinja
and Python with the same environment settings (delimiters, whitespace rules,
extensions such as the theme's translations): the key covers those, and
Jinja's own header covers its bytecode format and the Python version. What a
template renders is unchanged: the cached code is the code Jinja would
compile, and filters and globals are looked up when it runs, as always.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

from course_site.content_cache import key_of, prune_unused, write_atomically

_SUFFIX = ".template"


class TemplateCodeCache(BytecodeCache):
    """Compiled templates of one ``environment``, kept in ``folder``."""

    def __init__(self, folder: Path, environment: jinja2.Environment):
        self.folder = folder
        self._setting = environment_setting(environment)
        self.used: set[str] = set()
        self.compiled = 0  # templates Jinja had to compile in this build

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return key_of(self._setting, name, filename or "")

    def load_bytecode(self, bucket: Bucket) -> None:
        self.used.add(bucket.key)
        try:
            data = (self.folder / f"{bucket.key}{_SUFFIX}").read_bytes()
        except OSError:
            return
        # Jinja checks the format, the Python version and the source's checksum
        # (and leaves the bucket empty when one differs), but an entry cut short
        # in its header fails inside pickle, with one of several errors.
        try:
            bucket.bytecode_from_string(data)
        except Exception:  # a damaged entry: compile the template again, as for a missing one
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled += 1
        write_atomically(self.folder / f"{bucket.key}{_SUFFIX}", bucket.bytecode_to_string())

    def prune(self) -> int:
        """Remove the compiled templates no build has used for a week; call after a complete build."""
        return prune_unused(self.folder, self.used)


def cache_compiled_templates(environment: jinja2.Environment, folder: Path) -> TemplateCodeCache:
    """Make ``environment`` keep what it compiles in ``folder``; returns the cache (to ``prune`` at the end)."""
    cache = TemplateCodeCache(folder, environment)
    environment.bytecode_cache = cache
    return cache


def environment_setting(environment: jinja2.Environment) -> str:
    """What, besides a template's text, decides the code Jinja compiles from it."""

    def named(value) -> str:
        # Callables by name: their repr holds a memory address that changes with every process.
        return f"{value.__module__}.{value.__qualname__}" if callable(value) else repr(value)

    described = {
        "jinja": jinja2.__version__,
        "syntax": [
            environment.block_start_string, environment.block_end_string,
            environment.variable_start_string, environment.variable_end_string,
            environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix,
        ],
        "whitespace": [
            environment.trim_blocks, environment.lstrip_blocks,
            environment.newline_sequence, environment.keep_trailing_newline,
        ],
        "autoescape": named(environment.autoescape),
        "finalize": named(environment.finalize) if environment.finalize else None,
        "optimized": environment.optimized,
        "async": environment.is_async,
        "extensions": sorted(environment.extensions),
    }
    return json.dumps(described, sort_keys=True)
