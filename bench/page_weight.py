"""What a player's phone downloads: bytes per page load of the 500-article help center.

Builds the synthetic help center (bench/corpus.py, our full configuration) at
500 and at 100 articles per language, serves the 500 one on 127.0.0.1 with the
project's production server (production_server/: netlify.toml's headers,
redirects and caching, the build's _headers, gzip, ETags), and loads the home,
the contact page and an article in Chromium (Playwright, /usr/bin/chromium,
Accept-Language az):

- first visit: a fresh browser context (empty cache);
- repeat visit: the same page again in that context (cache warm);
- next article (after the article): another article in that context, the
  usual second page of a visit.

Bytes are counted by the server as they went on the wire (compressed body plus
status line and headers), by type: document, script, stylesheet, fetch, image,
font, other. The search (its index, worker and scripts) is also shown on its
own: it is the one part that grows with the site. Then the HTML of the same pages
at 100 vs 500 articles (must not grow with the number of articles).

    python bench/page_weight.py                 # builds both sizes, then measures
    python bench/page_weight.py --no-build      # reuse bench/out/weight/

Targets (exit status 1 if one is missed): an article's first load <= 150 KB in
total, its repeat visit <= 20 KB, the article HTML at 500 articles at most 5%
(compressed) bigger than at 100.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))
import corpus  # noqa: E402
from targets import verdict  # noqa: E402

from production_server.server import make_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TYPES = ("document", "script", "stylesheet", "fetch", "image", "font", "other")
PAGES = {"home": "/", "contact": "/contact/", "article": "/article-0050/"}  # exists at both sizes
NEXT_ARTICLE = "/article-0051/"
FIRST_LIMIT_KB, REPEAT_LIMIT_KB, HTML_GROWTH = 150, 20, 1.05


def build_sites(out: Path, sizes: tuple[int, ...]) -> dict[int, Path]:
    sites = {}
    for size in sizes:
        project = corpus.generate(out / f"ours-{size}", size)
        site = out / f"site-{size}"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                              cwd=project, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"build of {size} articles failed:\n{(done.stdout + done.stderr)[-4000:]}")
        sites[size] = site
    return sites


def is_search(path: str) -> bool:
    """The search: its index files, worker and scripts (ours or Material's, lunr and its languages)."""
    parts = path.strip("/").split("/")
    return "search" in parts[:-1] or parts[-1].startswith("search") or "lunr" in parts


@dataclass(frozen=True)
class Sent:
    """One response as it went over the wire."""

    path: str
    status: int
    content_type: str
    header_bytes: int
    body_bytes: int

    @property
    def total(self) -> int:
        return self.header_bytes + self.body_bytes


class Counted:
    """The production server, with every response's bytes on the wire logged."""

    def __init__(self, site_dir: Path) -> None:
        self.server = make_server(site_dir, REPO / "netlify.toml")
        self.log: list[Sent] = []
        lock = threading.Lock()
        log = self.log

        class Handler(self.server.RequestHandlerClass):  # type: ignore[name-defined, misc]
            def send_response(self, code, message=None):
                self._sent = {"status": int(code), "type": "", "length": 0}
                super().send_response(code, message)

            def send_header(self, keyword, value):
                if keyword.lower() == "content-type":
                    self._sent["type"] = str(value).split(";")[0].strip()
                elif keyword.lower() == "content-length":
                    self._sent["length"] = int(value)
                super().send_header(keyword, value)

            def end_headers(self):
                header_bytes = sum(len(chunk) for chunk in self._headers_buffer) + 2  # + the blank line
                sent = self._sent
                body = 0 if sent["status"] == 304 or self.command == "HEAD" else sent["length"]
                with lock:
                    log.append(Sent(unquote(urlsplit(self.path).path), sent["status"], sent["type"], header_bytes, body))
                super().end_headers()

        self.server.RequestHandlerClass = Handler
        self.lock = lock
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def take_log(self) -> list[Sent]:
        with self.lock:
            taken = list(self.log)
            self.log.clear()
        return taken


def is_sitemap(path: str) -> bool:
    """Material fetches `sitemap.xml` next to every `link[rel=alternate]`; static-i18n's
    per-page alternates make that a 404 per language on every load (issue 6's)."""
    return path.rsplit("/", 1)[-1].startswith("sitemap.xml")


def classify(sent: Sent, browser_types: dict[str, str]) -> str:
    """The browser's own resource type when the page saw the request, else by MIME type."""
    kind = browser_types.get(sent.path)
    if kind in ("fetch", "xhr"):
        return "fetch"
    if kind in TYPES:
        return kind
    if kind is None:
        mime = sent.content_type
        if mime == "text/html":
            return "document"
        if mime == "application/javascript":
            return "script"
        if mime == "text/css":
            return "stylesheet"
        if mime in ("application/json", "application/xml"):
            return "fetch"
        if mime.startswith("image/"):
            return "image"
        if mime.startswith("font/"):
            return "font"
    return "other"


def settle(site, page, quiet: float = 0.8, limit: float = 60.0) -> list[Sent]:
    """Wait until the page and the server have been quiet for `quiet` seconds."""
    page.wait_for_load_state("load")
    page.wait_for_load_state("networkidle")
    sent: list[Sent] = []
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        time.sleep(quiet)
        fresh = site.take_log()
        if not fresh:
            break
        sent.extend(fresh)
    return sent


def visit(site, page, url: str, browser_types: dict[str, str]) -> list[Sent]:
    site.take_log()
    browser_types.clear()
    page.goto(url, wait_until="load")
    return settle(site, page)


def summarize(sent: list[Sent], browser_types: dict[str, str], details: list[str] | None = None) -> dict[str, float]:
    if details is not None:
        details.extend(f"{item.status} {classify(item, browser_types):<10} {item.total:>8} B  {item.path}" for item in sent)
    row = {kind: 0.0 for kind in TYPES}
    for item in sent:
        row[classify(item, browser_types)] += item.total
    row["requests"] = len(sent)
    row["total"] = sum(item.total for item in sent)
    row["search"] = sum(item.total for item in sent if is_search(item.path))
    row["sitemaps"] = sum(item.total for item in sent if is_sitemap(item.path))
    row["headers"] = sum(item.header_bytes for item in sent)
    return row


def measure(site_dir: Path, runs: int, show: bool = False) -> dict[tuple[str, str], dict[str, float]]:
    from playwright.sync_api import sync_playwright

    site = Counted(site_dir)
    server, base = site.server, site.base
    print("# served by production_server (netlify.toml headers, redirects and caching; the build's _headers; gzip)")
    samples: dict[tuple[str, str], list[dict[str, float]]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for _ in range(runs):
                for name, path in PAGES.items():
                    context = browser.new_context(locale="az-AZ")  # a fresh profile: cold cache; / is not redirected
                    page = context.new_page()
                    browser_types: dict[str, str] = {}
                    page.on("request", lambda request, types=browser_types: types.setdefault(urlsplit(request.url).path, request.resource_type))
                    visits = [("first", path), ("repeat", path)] + ([("next article", NEXT_ARTICLE)] if name == "article" else [])
                    for label, url in visits:
                        sent = visit(site, page, base + url, browser_types)
                        details: list[str] | None = [] if show and len(samples.get((name, label), [])) == 0 else None
                        samples.setdefault((name, label), []).append(summarize(sent, browser_types, details))
                        if details is not None:
                            print(f"\n## {name}, {label} visit: {base}{url}\n  " + "\n  ".join(details))
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    return {key: {field: statistics.median(s[field] for s in rows) for field in rows[0]} for key, rows in samples.items()}


def rest(row: dict[str, float]) -> float:
    """What is left without the search and the sitemap requests."""
    return row["total"] - row["search"] - row["sitemaps"]


def kb(n: float) -> str:
    return f"{n / 1000:.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500, help="size of the help center loaded in the browser (default 500)")
    parser.add_argument("--small", type=int, default=100, help="size to compare the HTML with (default 100)")
    parser.add_argument("--runs", type=int, default=3, help="page loads per measurement; medians (default 3)")
    parser.add_argument("--out", type=Path, default=BENCH / "out" / "weight")
    parser.add_argument("--no-build", action="store_true", help="reuse the sites built by an earlier run")
    parser.add_argument("--details", action="store_true", help="list every request of the first run")
    args = parser.parse_args()
    sizes = (args.small, args.articles)
    print(f"# page_weight  {time.strftime('%Y-%m-%d %H:%M')}  {platform.node()}  {os.cpu_count()} CPUs  {args.articles} articles x 4 languages")
    sites = {size: args.out / f"site-{size}" for size in sizes} if args.no_build else build_sites(args.out, sizes)
    results = measure(sites[args.articles], args.runs, args.details)

    print(f"\nKB on the wire (compressed bodies + HTTP headers), medians of {args.runs} loads.\n"
          "'search' (index, worker, scripts) and 'sitemaps' (sitemap.xml requests Material makes next to each\n"
          "<link rel=alternate>; none since issue 6) are already inside the types; 'rest' is the total without them.\n")
    head = ("page", "visit", "requests", *TYPES, "total", "search", "sitemaps", "rest")
    print(" | ".join(f"{h:>12}" for h in head))
    print("-|-".join("-" * 12 for _ in head))
    for (name, label), row in results.items():
        cells = (name, label, int(row["requests"]), *(kb(row[t]) for t in TYPES), kb(row["total"]), kb(row["search"]), kb(row["sitemaps"]), kb(rest(row)))
        print(" | ".join(f"{str(c):>12}" for c in cells))

    print(f"\nHTML of the same page at {args.small} vs {args.articles} articles (bytes, raw / gzip):")
    growth = {}
    for name, path in [*PAGES.items(), ("article (en)", "/en" + PAGES["article"])]:
        cells = []
        for size in sizes:
            raw = (sites[size] / path.strip("/") / "index.html").read_bytes()
            cells.append((len(raw), len(gzip.compress(raw, 6, mtime=0))))
        growth[name] = cells[1][1] / cells[0][1]
        print(f"  {name:<13} {cells[0][0]:>7} / {cells[0][1]:>6}   {cells[1][0]:>7} / {cells[1][1]:>6}   gzip x{growth[name]:.3f}")

    first, repeat = results[("article", "first")], results[("article", "repeat")]
    misses = []
    for label, row, limit in (("first load", first, FIRST_LIMIT_KB), ("repeat visit", repeat, REPEAT_LIMIT_KB)):
        state = "met" if rest(row) <= limit * 1000 else "MISSED"
        print(f"article {label}: {kb(row['total'])} KB in all (target {limit} KB); without search and sitemaps "
              f"{kb(rest(row))} KB: {state} by what this issue controls")
        if row["total"] > limit * 1000:
            misses.append(f"article {label} {kb(row['total'])} KB > {limit} KB (search {kb(row['search'])} KB, sitemaps {kb(row['sitemaps'])} KB, rest {kb(rest(row))} KB)")
    for name in ("article", "article (en)"):
        if growth[name] > HTML_GROWTH:
            misses.append(f"{name} HTML grows x{growth[name]:.3f} from {args.small} to {args.articles} articles")
    print()
    return verdict(misses)


if __name__ == "__main__":
    sys.exit(main())
