"""Read Netlify's routing configuration: netlify.toml and a publish folder's _headers."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

REDIRECT_STATUSES = {200, 301, 302, 303, 307, 308, 404, 410}
CONDITIONS = {"Language", "Country", "Role"}


class ConfigError(ValueError):
    """The configuration says something this server does not know how to apply."""


@dataclass(frozen=True)
class Redirect:
    source: str  # `from`
    to: str
    status: int = 301
    force: bool = False
    conditions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class HeaderRule:
    path: str  # `for`
    values: dict[str, str]
    origin: str  # where the rule was written, for messages


@dataclass(frozen=True)
class NetlifyConfig:
    publish: str | None
    redirects: tuple[Redirect, ...]
    headers: tuple[HeaderRule, ...]


def load_netlify_toml(path: str | Path) -> NetlifyConfig:
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    name = Path(path).name
    redirects = tuple(_redirect(raw, f"{name} [[redirects]] #{i + 1}") for i, raw in enumerate(data.get("redirects", [])))
    headers = tuple(_header_rule(raw, f"{name} [[headers]] #{i + 1}") for i, raw in enumerate(data.get("headers", [])))
    return NetlifyConfig(data.get("build", {}).get("publish"), redirects, headers)


def _redirect(raw: dict, where: str) -> Redirect:
    unknown = set(raw) - {"from", "to", "status", "force", "conditions", "query"}
    if unknown or "from" not in raw or "to" not in raw:
        raise ConfigError(f"{where}: needs `from` and `to`; unsupported keys: {sorted(unknown)}")
    status = int(raw.get("status", 301))
    if status not in REDIRECT_STATUSES:
        raise ConfigError(f"{where}: status {status} is not one Netlify supports here")
    conditions = {}
    for key, values in (raw.get("conditions") or {}).items():
        name = key[:1].upper() + key[1:].lower()  # Netlify accepts `language` and `Language`
        if name not in CONDITIONS:
            raise ConfigError(f"{where}: unknown condition {key!r}")
        conditions[name] = tuple(v.strip() for v in (values.split(",") if isinstance(values, str) else values))
    return Redirect(raw["from"], raw["to"], status, bool(raw.get("force", False)), conditions, dict(raw.get("query") or {}))


def _header_rule(raw: dict, where: str) -> HeaderRule:
    if "for" not in raw or not isinstance(raw.get("values"), dict):
        raise ConfigError(f"{where}: needs `for` and a `values` table")
    values = {}
    for name, value in raw["values"].items():
        items = value if isinstance(value, list) else [value]
        # Netlify joins list items and comma-separated lines into one comma-separated value.
        values[name.strip()] = ", ".join(part.strip() for item in items for part in str(item).split(",") if part.strip())
    return HeaderRule(raw["for"].strip(), values, where)


def load_redirects_file(path: str | Path) -> tuple[Redirect, ...]:
    """Netlify `_redirects` syntax: `from to [status][!] [Condition=a,b ...]` per line."""
    path = Path(path)
    if not path.exists():
        return ()
    rules = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        parts = line.split("#", 1)[0].split()
        if not parts:
            continue
        if len(parts) < 2:
            raise ConfigError(f"{path.name}, line {number}: expected `from to [status] [conditions]`")
        raw: dict = {"from": parts[0], "to": parts[1]}
        rest = parts[2:]
        if rest and rest[0].rstrip("!").isdigit():
            raw["status"], raw["force"] = int(rest[0].rstrip("!")), rest[0].endswith("!")
            rest = rest[1:]
        conditions = {}
        for item in rest:
            key, separator, values = item.partition("=")
            if not separator:
                raise ConfigError(f"{path.name}, line {number}: '{item}' is not a condition such as Language=en")
            conditions[key] = values
        raw["conditions"] = conditions
        rules.append(_redirect(raw, f"{path.name}, line {number}"))
    return tuple(rules)


def site_redirects(site: str | Path, config: NetlifyConfig) -> tuple[Redirect, ...]:
    """Every redirect rule in Netlify's order: the publish folder's _redirects first, then netlify.toml's."""
    return load_redirects_file(Path(site) / "_redirects") + config.redirects


def load_headers_file(path: str | Path) -> tuple[HeaderRule, ...]:
    """Netlify `_headers` syntax: a line starting with `/` opens a path, indented `Name: value` lines follow."""
    path = Path(path)
    if not path.exists():
        return ()
    rules: list[tuple[str, dict[str, str], int]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("/"):
            rules.append((text, {}, number))
            continue
        name, separator, value = text.partition(":")
        if not separator or not name.strip() or not value.strip() or not rules:
            raise ConfigError(f"{path.name}, line {number}: expected `Name: value` under a path line")
        values = rules[-1][1]
        name, value = name.strip(), value.strip()
        values[name] = f"{values[name]}, {value}" if name in values else value
    return tuple(HeaderRule(p, values, f"{path.name}, line {n}") for p, values, n in rules)
