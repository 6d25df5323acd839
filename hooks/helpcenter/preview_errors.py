"""The live preview while the build is broken: what went wrong, as a page that answers at once.

MkDocs' livereload server (1.6) keeps every request waiting until a rebuild succeeds, so a
browser hangs as long as a mistake is in the files (and `mkdocs serve` stops if the first build
fails). `BrokenBuildPreview` guards the build and wraps the server's WSGI app (hooks/preview.py):
a failed build is recorded with the ERROR and WARNING lines it logged, the server goes on as
after a build, and every page request gets the errors page, which reloads by itself with the
next build (MkDocs' own reload script).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATE = "preview-errors.html"
BROKEN_HEADER = "X-Helpcenter-Build"  # on the errors page, for tools and tests
# "Error in 'support.yml', line 12, channels[2].hours: ..." and MkDocs' "Doc file 'faq.md' contains ...".
WHERE = re.compile(r"'(?P<file>[^'\n]*[./][^'\n]*)'(?:, line (?P<line>\d+))?")
YAML_MARK = re.compile(r'in "(?P<file>[^"\n]+)", line (?P<line>\d+)')  # PyYAML's, in MkDocs' errors about mkdocs.yml
LEADING = re.compile(r"^Error in '[^'\n]+'(?:, line \d+)?[,:] ?")
PLUGIN_PREFIX = re.compile(r"^[a-z0-9_.-]+: ")  # get_plugin_logger's "helpcenter: "


@dataclass(frozen=True)
class PreviewError:
    level: str  # ERROR or WARNING
    file: str | None
    line: int | None
    message: str


def preview_error(level: str, message: str) -> PreviewError:
    """Split a log line into the file and line it names (the first quoted path) and what it says."""
    message = PLUGIN_PREFIX.sub("", message, count=1)
    found = YAML_MARK.search(message) or WHERE.search(message)
    text = LEADING.sub("", message, count=1).strip()
    file = _relative(found["file"]) if found else None
    return PreviewError(level, file, int(found["line"]) if found and found["line"] else None, text or message)


def _relative(path: str) -> str:
    """A path inside the folder the preview runs in, as the person editing knows it."""
    try:
        return Path(path).relative_to(Path.cwd()).as_posix() if Path(path).is_absolute() else path
    except ValueError:
        return path


class _Collect(logging.Handler):
    """The WARNING and ERROR lines of one build, from every logger under `mkdocs`."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[PreviewError] = []

    def emit(self, record: logging.LogRecord) -> None:
        error = preview_error(record.levelname, record.getMessage())
        if error not in self.records:
            self.records.append(error)


def render_page(templates_dir: str | Path, errors: list[PreviewError], summary: str) -> str:
    env = Environment(loader=FileSystemLoader(str(templates_dir)), autoescape=select_autoescape(default=True))
    return env.get_template(TEMPLATE).render(errors=errors, summary=summary)


def is_page_request(path: str) -> bool:
    """A page (not a stylesheet, script or image, not MkDocs' reload poll)."""
    last = path.rsplit("/", 1)[-1]
    return not path.startswith("/livereload/") and (last == "" or last.endswith(".html") or "." not in last)


class BrokenBuildPreview:
    def __init__(self, templates_dir: str | Path, log: logging.Logger) -> None:
        self.templates_dir = templates_dir
        self.log = log
        self._lock = threading.Lock()
        self._page: bytes | None = None  # the errors page while the last build failed

    @property
    def broken(self) -> bool:
        return self._page is not None

    def guard(self, run: Callable[..., Any], *, settles: bool) -> Callable[..., Any]:
        """`run`, except that a failure is shown, not raised (the server then answers again).

        `settles`: `run` is the build itself, whose success clears the errors; a wrapper around
        it (MkDocs' rebuild, which also loads the configuration) only records its own failures."""

        def guarded(*args: Any, **kwargs: Any) -> Any:
            collect = _Collect()
            mkdocs_log = logging.getLogger("mkdocs")
            mkdocs_log.addHandler(collect)
            try:
                result = run(*args, **kwargs)
            except (Exception, SystemExit) as e:  # MkDocs' Abort is a SystemExit
                errors = collect.records or [preview_error("ERROR", f"{type(e).__name__}: {e}")]
                summary = str(e) or type(e).__name__
                page = render_page(self.templates_dir, errors, summary).encode("utf-8")
                with self._lock:
                    self._page = page
                self.log.error(f"The build failed ({summary}): the preview shows the {len(errors)} problem(s) "
                               "until they are fixed, and reloads by itself.")
                return None
            finally:
                mkdocs_log.removeHandler(collect)
            if settles:
                with self._lock:
                    self._page = None
            return result

        return guarded

    def app(self, serve: Callable, reload_script: Callable[[bytes], bytes]) -> Callable:
        """The server's WSGI app, answering page requests with the errors page while the build is broken."""

        def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
            with self._lock:
                page = self._page
            path = environ.get("PATH_INFO", "")
            if page is None or environ.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD") or not is_page_request(path):
                return serve(environ, start_response)
            body = reload_script(page)
            # 200, not 500: MkDocs logs any other answer as a WARNING, which a rebuild running meanwhile
            # counts under --strict (and would fail for it).
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body))),
                                      ("Cache-Control", "no-store"), (BROKEN_HEADER, "failed")])
            return [body]

        return application
