"""A built site served on 127.0.0.1 for a browser: one server for the tests and the measuring tools.

Like chromium.py, it lives in the package so that tests and tools share it
without importing each other.
"""

from __future__ import annotations

import contextlib
import functools
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietFiles(SimpleHTTPRequestHandler):
    """The folder's files as they are, without a log line per request."""

    def log_message(self, format, *args):
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A browser that hangs up in the middle of a file (a tab closed while the search index
        # downloads) is not a fault of the site; the standard server prints a traceback for it.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextlib.contextmanager
def serving(folder: Path, handler: type[SimpleHTTPRequestHandler] = QuietFiles) -> Iterator[str]:
    """``folder`` served on a free port of 127.0.0.1 for the length of the block; yields its base URL."""
    server = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
