"""Shared by bench/search_quality.py and bench/search_speed.py: builds, a static server, Chromium.

The search is driven through the real page with tests/browser/search_ui.py.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from tests.browser.search_ui import WATCH  # noqa: E402, F401  (re-exported for the benches)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INDEXED = re.compile(r"search: \d+ sections in \d+ languages indexed in ([0-9.]+) s \(([0-9.]+) s CPU\)")


@dataclass
class Build:
    site: Path
    wall: float  # seconds
    cpu: float  # user + system seconds of the mkdocs process
    index_wall: float | None  # our search hook's share, from its log line
    index_cpu: float | None
    output: str


def build(project: Path, site: Path) -> Build:
    """`mkdocs build --strict` of `project` into `site`, timed (wall and CPU)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    output = done.stdout + done.stderr
    if done.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{output}")
    found = INDEXED.search(output)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Build(site, wall, cpu, float(found.group(1)) if found else None, float(found.group(2)) if found else None, output)


def stock_variant(dest: Path) -> Path:
    """The demo help center with Material's stock search: our search hook and worker setting removed, all else equal."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "support.yml", "support.schema.json", "ui-strings.yml", "synonyms.yml", "docs", "hooks", "overrides", "generator"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / name)
    _replace(dest / "generator" / "mkdocs.base.yml", "  - hooks/search.py\n", "")  # pages then keep Material's worker (overrides/main.html)
    return dest


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


class _Gzip(http.server.SimpleHTTPRequestHandler):
    """A static server that compresses like a web host (gzip level 6, when the browser accepts it)."""

    cache: dict[str, bytes]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        if path not in self.cache:
            with open(path, "rb") as handle:
                self.cache[path] = gzip.compress(handle.read(), 6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """The built site, gzip-compressed, on a free port of 127.0.0.1; yields its base URL."""
    handler = type("Handler", (_Gzip,), {"cache": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@contextmanager
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def article_ids(site: Path) -> dict[str, tuple[str, str]]:
    """Site path ("/en/payments/") -> (page language, article id), from each page's lang and helpcenter:id."""
    meta = re.compile(r'<meta name="helpcenter:id" content="([^"]+)"')
    lang = re.compile(r'<html lang="([^"]+)"')
    found = {}
    for page in site.rglob("index.html"):
        text = page.read_text(encoding="utf-8", errors="replace")
        match, language = meta.search(text), lang.search(text)
        if match and language:
            path = "/" + page.parent.relative_to(site).as_posix() + "/"
            found[path.replace("//", "/")] = (language.group(1), match.group(1))
    return found


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# Lighthouse's mobile limits: 4x CPU slowdown, 1.6 Mbps down, 150 ms round trips.
PROFILES = {
    "desktop": None,
    "phone": {"cpu": 4, "latency": 150, "down": 1.6 * 1024 * 1024 / 8, "up": 750 * 1024 / 8},
}


def apply_profile(context, page, profile: str) -> None:
    """Throttle `page` through Chromium DevTools as `profile` says (desktop: as the machine is)."""
    limits = PROFILES[profile]
    if limits:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": limits["cpu"]})
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": limits["latency"],
                                                      "downloadThroughput": limits["down"], "uploadThroughput": limits["up"]})
