"""Find the links in an article's Markdown, with their lines, and say where they lead.

MkDocs' own `validation:` warns about broken links and anchors without a line
number and only per language build; these functions let the build name the
line, explain links that cross into another language's site, and explain why a
link that works in the original breaks on a page shown untranslated.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
INLINE = re.compile(r"\]\(\s*(<[^>]*>|[^\s)]+)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
ID_ATTRIBUTE = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class Link:
    target: str  # as written
    line: int  # in the file


def extract_links(body: str, first_line: int = 1) -> list[Link]:
    """Links in Markdown text (inline, reference definitions, raw HTML href), outside code.

    `first_line` is the file line of the body's first line.
    """
    found: list[Link] = []
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        text = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        targets = [m.group(1) for m in INLINE.finditer(text)]
        targets += [m.group(1) for m in REFERENCE.finditer(text)]
        targets += [m.group(1) if m.group(1) is not None else m.group(2) for m in HREF.finditer(text)]
        for target in targets:
            target = target.strip()
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1].strip()
            if target and "{{" not in target:
                found.append(Link(html.unescape(target), number))
    return found


@dataclass(frozen=True)
class Destination:
    """Where a link leads, inside the docs folder."""

    language: str | None  # the language folder it leads into (None: not an article link)
    path: str | None  # the article path inside that folder ('faq.md'); None for '#anchor' alone
    fragment: str  # decoded, without '#'
    absolute: bool  # written as /path or a full URL of this site


def destination(link: str, language: str, path: str, languages: tuple[str, ...], site_url: str = "") -> Destination | None:
    """Resolve `link` written in docs/<language>/<path>; None for links we leave to MkDocs.

    Checked: relative links to `.md` files, bare `#anchors`, and absolute links
    (`/ru/faq/`, `https://<this site>/ru/faq/`) that name an article of some language.
    """
    parts = urlsplit(link)
    fragment = unquote(parts.fragment)
    site = urlsplit(site_url)
    if parts.scheme or parts.netloc or SCHEME.match(link):
        if not site.netloc or parts.scheme not in ("http", "https", "") or parts.netloc != site.netloc:
            return None
        return _absolute(parts.path, fragment, languages, site.path)
    if not parts.path:
        return Destination(language, None, fragment, False) if parts.fragment else None
    if parts.path.startswith("/"):
        return _absolute(parts.path, fragment, languages, site.path)
    target = unquote(parts.path)
    if not target.endswith(".md"):
        return None
    resolved = posixpath.normpath(posixpath.join(language, posixpath.dirname(path), target))
    first, _, rest = resolved.partition("/")
    if resolved.startswith("../") or first not in languages or not rest:
        return None
    return Destination(first, rest, fragment, False)


def _absolute(url_path: str, fragment: str, languages: tuple[str, ...], base: str) -> Destination | None:
    base = "/" + base.strip("/") + "/" if base.strip("/") else "/"
    if not url_path.startswith(base):
        return None
    rest = unquote(url_path[len(base):])
    first, _, after = rest.partition("/")
    language = languages[0]
    if first in languages[1:] or (first == languages[0] and first):
        language, rest = first, after
    for suffix in ("index.html", ".html"):
        if rest.endswith(suffix):
            rest = rest[: -len(suffix)]
    rest = rest.strip("/")
    if rest.endswith(".md"):
        rest = rest[:-3]
    return Destination(language, f"{rest}.md" if rest else "index.md", fragment, True)


def alternatives(path: str) -> tuple[str, ...]:
    """Article paths an absolute URL path may come from: 'faq.md' is faq.md or faq/index.md."""
    if path == "index.md":
        return (path,)
    return (path, path[:-3] + "/index.md")


def relative_link(source_path: str, target_path: str, fragment: str = "") -> str:
    """The link to write in docs/<lang>/<source_path> for the same language's target_path."""
    link = posixpath.relpath(target_path, posixpath.dirname(source_path) or ".")
    return link + (f"#{fragment}" if fragment else "")


def html_ids(page_html: str) -> set[str]:
    """Every id (and old-style name) a link's #fragment may point at."""
    return {html.unescape(m.group(1) if m.group(1) is not None else m.group(2)) for m in ID_ATTRIBUTE.finditer(page_html)}
