"""The server tests and tools read built sites from (scripts/course_site/static_server.py)."""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from urllib.parse import urlsplit

from course_site.static_server import serving


def test_it_serves_the_folders_files(tmp_path):
    (tmp_path / "index.html").write_text("<p>안녕</p>", encoding="utf-8")
    with serving(tmp_path) as url:
        with urllib.request.urlopen(url) as response:
            assert response.read().decode("utf-8") == "<p>안녕</p>"


def test_a_reader_who_hangs_up_mid_file_leaves_no_traceback(tmp_path, capfd):
    """A browser tab closed while a large file (the search index) downloads is not an error."""
    (tmp_path / "large.json").write_bytes(b"x" * 20_000_000)
    earlier = set(threading.enumerate())  # other tests' servers in this process are not waited for
    with serving(tmp_path) as url:
        address = urlsplit(url)
        with socket.create_connection((address.hostname, address.port)) as client:
            client.sendall(b"GET /large.json HTTP/1.0\r\n\r\n")
            client.recv(1024)
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        deadline = time.monotonic() + 10
        while any("process_request" in thread.name for thread in set(threading.enumerate()) - earlier):
            assert time.monotonic() < deadline, "the server never finished the request"
            time.sleep(0.05)
    assert capfd.readouterr().err == ""
