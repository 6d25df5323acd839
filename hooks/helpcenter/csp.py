"""The Content-Security-Policy of the published site, and the hashes it allows.

The theme writes a few small inline scripts (Material's storage helpers, palette
and tab restore). Instead of 'unsafe-inline', the build hashes every inline
script it finds in the built pages and allows exactly those; everything else
comes from the site's own origin.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser

# Script types a browser executes; data blocks (JSON, JSON-LD) are not scripts to CSP.
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}

# Only the site itself. Each directive says what the site needs and nothing more.
POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    "script-src": ("'self'",),  # + the inline scripts' hashes
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),  # Material's icons are data: SVGs in its stylesheet
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # search indexes
    "worker-src": ("'self'",),  # search worker
    "media-src": ("'none'",),
    "object-src": ("'none'",),
    "frame-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),  # the search form has no action: it stays on the page
    "frame-ancestors": ("'none'",),
}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        attributes = dict(attrs)
        kind = (attributes.get("type") or "").strip().lower()
        self.current = [] if "src" not in attributes and kind in EXECUTABLE_TYPES else None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.current is not None:
            self.scripts.append("".join(self.current))
            self.current = None


SCRIPT_ELEMENT = re.compile(r"<script\b.*?</script\s*>", re.I | re.S)


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run, as written.

    Only the `<script>` elements go through the HTML parser: parsing whole pages
    was most of a 500-article build's post-build time (bench/build_scale.py).
    """
    parser = _InlineScripts()
    for element in SCRIPT_ELEMENT.finditer(html):
        parser.feed(element.group(0))
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """CSP source expression for one inline script: 'sha256-<base64>' of its UTF-8 text."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(hashes: Iterable[str]) -> str:
    """The policy as one header value, with the allowed script hashes in a stable order."""
    directives = {name: list(values) for name, values in POLICY.items()}
    directives["script-src"] += sorted(set(hashes))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def headers_file(rules: dict[str, dict[str, str]], comment: str) -> str:
    """Netlify `_headers` syntax: a path line, then indented `Name: value` lines."""
    lines = [f"# {line}" for line in comment.splitlines()]
    for path, headers in rules.items():
        lines.append(path)
        lines += [f"  {name}: {value}" for name, value in headers.items()]
    return "\n".join(lines) + "\n"
