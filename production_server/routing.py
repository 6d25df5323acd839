"""Netlify's routing decisions as pure functions: which rule, which file, which headers.

Matching follows Netlify's published parsers and its CLI's emulation:
- header `for` paths: `*` matches anything (slashes too), `:name` one segment,
  an optional trailing slash, case-insensitive;
- redirect `from` paths: the same, with a trailing `/*` captured as `:splat`;
  rules are tried in order and the first match wins; a rule without `force`
  does not apply where a file exists ("shadowing");
- `Language`: the `nf_lang` cookie when set, else the first Accept-Language
  entry's first two letters. (Netlify's CLI assumes "en" for a request without
  Accept-Language; this server assumes no language, as crawlers send none and
  must see "/" itself. The post-deploy check verifies what Netlify does.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.cookies import CookieError, SimpleCookie

from .netlify_config import HeaderRule, Redirect

# Netlify's default for every response no rule gives a Cache-Control.
DEFAULT_CACHE_CONTROL = "public, max-age=0, must-revalidate"
NOT_SERVED = {"_headers", "_redirects", "netlify.toml"}
REDIRECT_CODES = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class Outcome:
    status: int
    file: str | None = None  # path inside the publish folder to send as the body
    location: str | None = None  # for redirects
    rule: Redirect | None = None  # the redirect rule that decided, if any


def header_pattern(path: str) -> re.Pattern[str]:
    parts = []
    for part in (p.rstrip() for p in path.split("/")):
        if not part:
            continue
        if part.startswith(":"):
            parts.append("([^/]+)")
        elif part == "*":
            parts.append("?(.*)")
        else:
            parts.append("(.*)".join(re.escape(piece) for piece in part.split("*")))
    return re.compile(f"^/{'/'.join(parts)}/?$", re.IGNORECASE)


def headers_for(rules: Iterable[HeaderRule], path: str) -> list[tuple[str, str, HeaderRule]]:
    """Every (name, value, rule) that applies to a request path, in rule order."""
    found = []
    for rule in rules:
        if header_pattern(rule.path).match(path):
            found += [(name, value, rule) for name, value in rule.values.items()]
    return found


def combined_headers(found: list[tuple[str, str, HeaderRule]]) -> dict[str, str]:
    """One value per header; a header set by two rules is joined with a comma, so an overlap shows."""
    headers: dict[str, str] = {}
    names: dict[str, str] = {}  # lower-case -> first spelling
    for name, value, _ in found:
        key = names.setdefault(name.lower(), name)
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    return headers


def redirect_pattern(source: str) -> re.Pattern[str]:
    segments = [s for s in source.split("?")[0].split("/") if s]
    splat = bool(segments) and segments[-1] == "*"
    if splat:
        segments = segments[:-1]
    regex = ""
    for segment in segments:
        if segment.startswith(":"):
            regex += f"/(?P<{segment[1:]}>[^/]+)"
        else:
            regex += "/" + re.escape(segment)
    if splat:
        regex += "(?:/(?P<splat>.*))?"
    return re.compile(f"^{regex}/?$", re.IGNORECASE)


def request_language(cookie_header: str | None, accept_language: str | None) -> str | None:
    if cookie_header:
        cookies = SimpleCookie()
        try:
            cookies.load(cookie_header)
        except CookieError:
            cookies = SimpleCookie()
        if "nf_lang" in cookies and cookies["nf_lang"].value:
            return cookies["nf_lang"].value.lower()
    if accept_language and accept_language.strip():
        return accept_language.split(",")[0].strip()[:2].lower() or None
    return None


def _conditions_hold(rule: Redirect, language: str | None, country: str | None) -> bool:
    for name, values in rule.conditions.items():
        wanted = {v.lower() for v in values}
        if name == "Language" and (language is None or language not in wanted):
            return False
        if name == "Country" and (country is None or country.lower() not in wanted):
            return False
        if name == "Role":
            return False  # no identity here
    return True


def _query_holds(rule: Redirect, query: dict[str, str]) -> dict[str, str] | None:
    bound = {}
    for key, value in rule.query.items():
        if key not in query:
            return None
        if value.startswith(":"):
            bound[value[1:]] = query[key]
        elif query[key] != value:
            return None
    return bound


def _fill(target: str, values: dict[str, str]) -> str:
    for name, value in sorted(values.items(), key=lambda item: -len(item[0])):
        target = target.replace(f":{name}", value)
    return target


def static_file(path: str, is_file: Callable[[str], bool]) -> str | None:
    """The file Netlify serves for a path: the file itself, or index.html of a folder."""
    relative = path.lstrip("/")
    if relative.split("/")[-1] in NOT_SERVED:
        return None
    if relative and not relative.endswith("/") and is_file(relative):
        return relative
    index = f"{relative.rstrip('/')}/index.html".lstrip("/") if relative else "index.html"
    if path.endswith("/") and is_file(index):
        return index
    return None


def route(
    path: str,
    query: dict[str, str],
    language: str | None,
    redirects: Iterable[Redirect],
    is_file: Callable[[str], bool],
    country: str | None = None,
) -> Outcome:
    """Decide the response to GET `path` the way Netlify does."""
    existing = static_file(path, is_file)
    folder = not existing and not path.endswith("/") and static_file(path + "/", is_file)
    for rule in redirects:
        match = redirect_pattern(rule.source).match(path)
        if not match or not _conditions_hold(rule, language, country):
            continue
        bound = _query_holds(rule, query)
        if bound is None:
            continue
        if not rule.force and (existing or folder):
            break  # shadowed: the file wins
        target = _fill(rule.to, {**{k: v or "" for k, v in match.groupdict().items()}, **bound})
        if rule.status in REDIRECT_CODES:
            return Outcome(rule.status, location=target, rule=rule)
        body = static_file(target, is_file) or static_file(target.rstrip("/") + "/", is_file)
        if body:
            return Outcome(rule.status, file=body, rule=rule)
    if existing:
        return Outcome(200, file=existing)
    if folder:
        return Outcome(301, location=path + "/")
    fallback = "404.html" if is_file("404.html") else None
    return Outcome(404, file=fallback)
