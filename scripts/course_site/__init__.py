"""The course site's machinery, kept apart from MkDocs.

Everything here takes plain values (paths, strings) and returns plain values,
so it can be tested without MkDocs and moved to another engine later; the
files ``scripts/hook_*.py`` are the thin adapters that MkDocs loads.
"""
