"""The HTTP side: stdlib http.server on 127.0.0.1, applying routing.py's decisions."""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from dataclasses import dataclass, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from .forms import STORE_NAME, FormSpec, FormStore, clean_submission, detect_forms
from .netlify_config import HeaderRule, NetlifyConfig, load_headers_file, load_netlify_toml, site_redirects
from .routing import DEFAULT_CACHE_CONTROL, combined_headers, headers_for, request_language, route

HOST = "127.0.0.1"
CONTENT_TYPES = {
    ".html": "text/html; charset=UTF-8",
    ".css": "text/css; charset=UTF-8",
    ".js": "application/javascript; charset=UTF-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=UTF-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


@dataclass
class Site:
    """The publish folder and its rules; re-read when netlify.toml or _headers change."""

    root: Path
    config_path: Path
    _stamp: tuple[float, ...] | None = None
    _config: NetlifyConfig | None = None
    _file_rules: tuple[HeaderRule, ...] = ()
    store: FormStore | None = None
    _forms: dict[str, FormSpec] | None = None

    def form(self, name: str) -> FormSpec | None:
        """A form detected in the site's HTML (looked for again when the name is new: a rebuild)."""
        if self._forms is None or name not in self._forms:
            self._forms = detect_forms(self.root)
        return self._forms.get(name)

    def rules(self) -> tuple[NetlifyConfig, tuple[HeaderRule, ...]]:
        headers_file, redirects_file = self.root / "_headers", self.root / "_redirects"
        stamp = (self.config_path.stat().st_mtime, *(f.stat().st_mtime if f.exists() else 0.0 for f in (headers_file, redirects_file)))
        if stamp != self._stamp or self._config is None:
            config = load_netlify_toml(self.config_path)
            # The build's _redirects (the language rules) come first, as on Netlify.
            config = replace(config, redirects=site_redirects(self.root, config))
            self._config, self._file_rules, self._stamp = config, load_headers_file(headers_file), stamp
        return self._config, self._file_rules

    def is_file(self, relative: str) -> bool:
        path = (self.root / relative).resolve()
        return path.is_file() and path.is_relative_to(self.root.resolve())


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a CDN does
    server_version = "helpcenter-production-server"
    sys_version = ""
    site: Site
    country: str | None = None
    quiet = True

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def do_POST(self) -> None:
        """A Netlify Forms post: stored when the form exists in the site; spam is dropped quietly."""
        length = int(self.headers.get("Content-Length") or 0)
        if length > 1_000_000:
            self.send_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        pairs = parse_qsl(body, keep_blank_values=True)
        spec = self.site.form(dict(pairs).get("form-name", ""))
        if spec is None or self.site.store is None:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        data = clean_submission(spec, pairs)
        if data is not None:
            self.site.store.add(spec.name, data)
        # A browser submitting the form navigates to its action (this path: each language has its
        # own thank-you page): show that page. A script posting in the background (fetch) gets 200.
        navigating = self.headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
        if navigating:
            self._plain(HTTPStatus.SEE_OTHER, b"", {"Location": urlsplit(self.path).path})
        else:
            self._plain(HTTPStatus.OK, b"Thank you: the form was received.\n", {"Content-Type": "text/plain; charset=UTF-8"})

    def _plain(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in {**headers, "Cache-Control": "no-store", "Content-Length": str(len(body))}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        if not self.quiet:
            super().log_message(format, *args)

    def _respond(self, send_body: bool) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path) or "/"
        if "\x00" in path or ".." in path.split("/"):
            self.send_error(HTTPStatus.BAD_REQUEST)
            return
        config, file_rules = self.site.rules()
        language = request_language(self.headers.get("Cookie"), self.headers.get("Accept-Language"))
        outcome = route(path, dict(parse_qsl(url.query)), language, config.redirects, self.site.is_file, self.country)

        headers = combined_headers(headers_for(file_rules + config.headers, path))
        body = b""
        if outcome.location:
            location = outcome.location
            if url.query and "?" not in location:
                location += "?" + url.query
            headers["Location"] = location
        if outcome.file:
            body = (self.site.root / outcome.file).read_bytes()
            headers["Content-Type"] = CONTENT_TYPES.get(os.path.splitext(outcome.file)[1].lower(), "application/octet-stream")
            headers["ETag"] = '"' + hashlib.sha1(body).hexdigest() + '"'
        if not any(name.lower() == "cache-control" for name in headers):
            headers["Cache-Control"] = DEFAULT_CACHE_CONTROL
        status = outcome.status
        if status == 200 and outcome.file and headers["ETag"] in self.headers.get("If-None-Match", ""):
            status, body = 304, b""
        elif body and headers.get("Content-Type", "").startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers["Content-Encoding"] = "gzip"
            headers["Vary"] = "Accept-Encoding"

        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)


def make_server(site_dir: str | Path, config_path: str | Path, port: int = 0, country: str | None = None, quiet: bool = True,
                store: str | Path | None = None) -> ThreadingHTTPServer:
    """A server bound to 127.0.0.1 (port 0: any free port), not yet serving.

    Form posts go to `store` (default: form-submissions.sqlite beside the site folder, never in it)."""
    site = Site(Path(site_dir).resolve(), Path(config_path).resolve())
    site.store = FormStore(Path(store) if store else site.root.parent / STORE_NAME)
    site.rules()  # fail now on a broken configuration, not on the first request
    handler = type("SiteHandler", (Handler,), {"site": site, "country": country, "quiet": quiet})
    server = ThreadingHTTPServer((HOST, port), handler)
    server.daemon_threads = True
    return server


def serve_in_background(site_dir: str | Path, config_path: str | Path, port: int = 0,
                        store: str | Path | None = None) -> tuple[ThreadingHTTPServer, str]:
    """Start serving in a daemon thread; returns the server (call shutdown()) and its base URL."""
    server = make_server(site_dir, config_path, port, store=store)
    threading.Thread(target=server.serve_forever, name="production-server", daemon=True).start()
    return server, f"http://{HOST}:{server.server_address[1]}"
