"""Built sites served on 127.0.0.1 by a plain static server, and the browser suite's own help center
(tests/browser/own_center.py) built once and served. The session's Chromium is in tests/conftest.py."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.own_center import build_center

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a built site on a free port of 127.0.0.1; returns the server and its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def center_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The own help center (Harbor Play: en, de, uk), built strictly once and served."""
    server, url = serve(build_center(tmp_path_factory.mktemp("harbor")))
    yield url
    server.shutdown()
