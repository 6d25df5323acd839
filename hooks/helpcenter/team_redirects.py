"""A team's own redirects (redirects.yml), written into site/_redirects before the generated rules.

Netlify applies `_redirects` before netlify.toml, so a rule a team adds to netlify.toml for a
path under /<lang>/ never fires: the generated `/<lang>/*  /<lang>/404.html  404` catches it
first. Rules in redirects.yml go at the top of `_redirects`, where they come first on Netlify
and on the local production server alike.

    - from: /en/old-bonus/      # a path on this site; `*` at the end matches the rest (`:splat` in `to`)
      to: /en/bonus/            # a path or an https:// address
      status: 301               # optional: 301 (default), 302, 303, 307, 308, 200 (rewrite), 404, 410, 451
      force: false              # optional: true applies the rule even where a file exists
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .yaml_source import SourceError, load_yaml

FILE = "redirects.yml"
STATUSES = (301, 302, 303, 307, 308, 200, 404, 410, 451)
KEYS = ("from", "to", "status", "force")


@dataclass(frozen=True)
class TeamRedirect:
    source: str
    target: str
    status: int = 301
    force: bool = False

    def line(self) -> str:
        return f"{self.source}  {self.target}  {self.status}{'!' if self.force else ''}"


def _path_value(value: object, key: str, file: str, line: int | None, *, address_ok: bool) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SourceError(file, line, f"'{key}' needs a path such as /en/old-page/.")
    if any(character.isspace() for character in value):
        raise SourceError(file, line, f"'{key}': '{value}' contains a space. Write %20 for a space in a path.")
    if not (value.startswith("/") or (address_ok and value.startswith(("https://", "http://")))):
        what = "a path starting with / or an https:// address" if address_ok else "a path on this site, starting with /"
        raise SourceError(file, line, f"'{key}': '{value}' is not {what}.")
    return value


def parse_redirects(text: str, file: str = FILE) -> tuple[TeamRedirect, ...]:
    """The rules of a redirects.yml text; a mistake raises SourceError naming its line."""
    loaded = load_yaml(text, file)
    data = loaded.data
    if data is None:
        return ()
    if not isinstance(data, list):
        raise SourceError(file, 1, "expected a list of redirects, each starting with '- from:' (see the README, Redirects).")
    rules = []
    seen: dict[str, int | None] = {}  # from -> its line: Netlify would only ever apply the first
    for index, item in enumerate(data):
        line = loaded.line_of((index,))
        if not isinstance(item, dict):
            raise SourceError(file, line, "each redirect is a mapping with 'from' and 'to' (and optionally 'status', 'force').")
        for key in item:
            if key not in KEYS:
                raise SourceError(file, loaded.line_of((index, key)), f"unknown key '{key}'. A redirect has {', '.join(KEYS)}.")
        source = _path_value(item.get("from"), "from", file, loaded.line_of((index, "from")), address_ok=False)
        if source == "/":
            raise SourceError(file, loaded.line_of((index, "from")), "'/' is decided by the language rules (mkdocs.yml's languages); "
                                                                     "redirect a longer path.")
        if source in seen:
            raise SourceError(file, loaded.line_of((index, "from")), f"'{source}' is redirected already on line {seen[source]}; "
                                                                     "keep one of the two rules.")
        seen[source] = loaded.line_of((index, "from"))
        target = _path_value(item.get("to"), "to", file, loaded.line_of((index, "to")), address_ok=True)
        status = item.get("status", 301)
        if isinstance(status, bool) or status not in STATUSES:
            raise SourceError(file, loaded.line_of((index, "status")), f"'status': {status!r} is not one of {', '.join(map(str, STATUSES))}.")
        force = item.get("force", False)
        if not isinstance(force, bool):
            raise SourceError(file, loaded.line_of((index, "force")), "'force' is true or false.")
        rules.append(TeamRedirect(source, target, status, force))
    return tuple(rules)


def load_redirects(path: Path) -> tuple[TeamRedirect, ...]:
    """The team's rules; none when the file does not exist (it is optional)."""
    if not path.is_file():
        return ()
    return parse_redirects(path.read_text(encoding="utf-8"), path.name)
