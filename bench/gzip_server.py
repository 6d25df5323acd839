"""A small static server that serves a built site the way Netlify does, for benchmarks.

- pretty URLs: `/en/payments/` serves `en/payments/index.html`, `/en/payments`
  redirects to the slash form, a missing file serves `404.html` with status 404;
- gzip for text responses when the browser accepts it (`Vary: Accept-Encoding`);
- a strong ETag on every file and `304 Not Modified` for `If-None-Match`;
- cache headers: the `[[headers]]` rules of the project's `netlify.toml` when it
  exists (every rule whose `for` pattern matches the path applies, later rules
  win); without one, the policy netlify.toml is meant to carry: fingerprinted
  assets (`name.<hex hash>.ext`) `public, max-age=31536000, immutable`, everything
  else `public, max-age=0, must-revalidate` (Netlify's default: always revalidate).

Every response is logged with the bytes it put on the wire (status line and
headers, and body as sent), so a benchmark can count what a page load costs.

    python bench/gzip_server.py SITE_DIR [--port 8000]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import mimetypes
import re
import threading
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[1]
FINGERPRINT = re.compile(r"\.[0-9a-f]{8,}\.(?:min\.)?[a-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml", "application/manifest+json")
GZIP_LEVEL = 6  # a common server default; Netlify also serves Brotli, which is smaller still


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


@dataclass(frozen=True)
class HeaderRule:
    pattern: re.Pattern[str]
    values: dict[str, str]


def netlify_header_rules(netlify_toml: Path) -> list[HeaderRule] | None:
    """The `[[headers]]` rules of netlify.toml, or None when the file does not exist."""
    if not netlify_toml.exists():
        return None
    config = tomllib.loads(netlify_toml.read_text(encoding="utf-8"))
    rules = []
    for rule in config.get("headers", []):
        # Netlify paths: `*` is a splat, `:name` a placeholder for one segment.
        regex = "".join(".*" if part == "*" else "[^/]+" if part.startswith(":") else re.escape(part)
                        for part in re.split(r"(\*|:[A-Za-z_]+)", rule["for"]) if part)
        rules.append(HeaderRule(re.compile(f"^{regex}$"), {k: str(v) for k, v in rule.get("values", {}).items()}))
    return rules


def default_headers(path: str) -> dict[str, str]:
    """The intended caching policy, used when the project has no netlify.toml."""
    return {"Cache-Control": IMMUTABLE if FINGERPRINT.search(path) else REVALIDATE}


class Site:
    """The files of a built site, with their compressed forms and ETags cached."""

    def __init__(self, root: Path, header_rules: list[HeaderRule] | None) -> None:
        self.root = root.resolve()
        self.header_rules = header_rules
        self.log: list[Sent] = []
        self.lock = threading.Lock()

    def headers_for(self, path: str) -> dict[str, str]:
        if self.header_rules is None:
            return default_headers(path)
        headers: dict[str, str] = {}
        for rule in self.header_rules:
            if rule.pattern.match(path):
                headers.update(rule.values)
        headers.setdefault("Cache-Control", REVALIDATE)
        return headers

    def resolve(self, path: str) -> tuple[Path | None, str | None]:
        """(file to serve, or None for 404; URL to redirect to, if any)."""
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root):
            return None, None
        if target.is_dir():
            if not path.endswith("/"):
                return None, path + "/"
            target = target / "index.html"
        return (target if target.is_file() else None), None

    @lru_cache(maxsize=4096)  # noqa: B019  (one Site per benchmark run)
    def body(self, file: Path, compressed: bool) -> tuple[bytes, str]:
        data = file.read_bytes()
        etag = '"' + hashlib.md5(data).hexdigest() + ('-gz"' if compressed else '"')
        return (gzip.compress(data, GZIP_LEVEL, mtime=0) if compressed else data), etag

    def take_log(self) -> list[Sent]:
        with self.lock:
            taken, self.log = self.log, []
        return taken


def content_type(file: Path) -> str:
    if file.suffix == ".js":
        return "application/javascript; charset=utf-8"
    guessed = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    return guessed + ("; charset=utf-8" if guessed.startswith("text/") or guessed in ("application/json", "application/xml", "image/svg+xml") else "")


def make_handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, like any real host
        server_version = "bench"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            file, redirect = site.resolve(path)
            if redirect:
                self._send(path, 301, b"", "text/plain", {"Location": redirect, "Cache-Control": REVALIDATE})
                return
            status = 200
            if file is None:
                status, file = 404, site.root / "404.html"
                if not file.is_file():
                    self._send(path, 404, b"Not found", "text/plain", {"Cache-Control": REVALIDATE})
                    return
            kind = content_type(file)
            compressed = kind.startswith(TEXT_TYPES) and "gzip" in self.headers.get("Accept-Encoding", "")
            body, etag = site.body(file, compressed)
            headers = {**site.headers_for(path), "ETag": etag, "Vary": "Accept-Encoding"}
            if compressed:
                headers["Content-Encoding"] = "gzip"
            if status == 200 and etag in [t.strip() for t in self.headers.get("If-None-Match", "").split(",")]:
                self._send(path, 304, b"", kind, headers)
                return
            self._send(path, status, body, kind, headers)

        def _send(self, path: str, status: int, body: bytes, kind: str, headers: dict[str, str]) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            header_bytes = sum(len(chunk) for chunk in self._headers_buffer) + 2  # + blank line
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
            with site.lock:
                site.log.append(Sent(path, status, kind.split(";")[0], header_bytes, len(body) if status != 304 else 0))

    return Handler


def serve(root: Path, port: int = 0, netlify_toml: Path = REPO / "netlify.toml") -> tuple[ThreadingHTTPServer, Site]:
    """Start serving `root` on 127.0.0.1 in a background thread; port 0 picks a free one."""
    site = Site(root, netlify_header_rules(netlify_toml))
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(site))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server, site = serve(args.site, args.port)
    policy = "netlify.toml" if site.header_rules is not None else "the intended policy (no netlify.toml)"
    print(f"serving {args.site} on http://127.0.0.1:{server.server_address[1]}/ with cache headers from {policy}; Ctrl-C stops")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
