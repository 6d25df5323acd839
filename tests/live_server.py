"""`mkdocs serve` (what `make serve` runs) on a free port over a help center in tmp_path."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

START_TIMEOUT = 120  # seconds, on a loaded machine


@dataclass
class LiveServer:
    root: Path
    base: str
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, timeout: float = 5) -> tuple[int, str] | None:
    """(status, body), or None when the server does not answer within `timeout` seconds."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")
    except OSError:
        return None


def wait_until(condition: Callable[[], bool], message: Callable[[], str], timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(message())


@contextmanager
def live_server(root: Path) -> Iterator[LiveServer]:
    port = free_port()
    log = root.parent / f"serve-{port}.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
                                   cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        server = LiveServer(root, f"http://127.0.0.1:{port}/", log)
        try:
            wait_until(lambda: "Serving on" in server.output() and get(server.base) is not None,
                       lambda: f"the server did not start:\n{server.output()}")
            yield server
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
