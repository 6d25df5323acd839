"""What the authoring commands need from mkdocs.yml, read without running MkDocs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mergedeep
import yaml

from .translation_status import Policy, policy_from


class ProjectError(Exception):
    """mkdocs.yml cannot be used; the message says why and what to do."""


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' special tags (!ENV, !!python/...) as plain values."""


def _plain(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _plain)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _plain)


@dataclass(frozen=True)
class ProjectConfig:
    root: Path
    config_file: Path
    docs_dir: Path
    languages: tuple[str, ...]  # default first
    language_names: dict[str, str]
    policy: Policy
    site_url: str
    support_file: Path
    strings_file: Path
    nav: list
    nav_translations: dict = field(default_factory=dict)  # language -> {group in the default language: its title}

    @property
    def default(self) -> str:
        return self.languages[0]

    def nav_groups(self) -> list[str]:
        """Titles of the navigation's sections, in the default language."""
        return [next(iter(item)) for item in self.nav if isinstance(item, dict) and isinstance(next(iter(item.values())), list)]


def load_project(config_file: str | Path) -> ProjectConfig:
    path = Path(config_file).resolve()
    raw = read_config(path, str(config_file))
    root = path.parent
    i18n = _i18n(raw)
    if i18n is None:
        raise ProjectError(f"'{config_file}' has no `i18n` plugin under `plugins:`; the help center needs it for its languages.")
    entries = [e for e in i18n.get("languages") or [] if isinstance(e, dict) and e.get("locale")]
    defaults = [e["locale"] for e in entries if e.get("default")]
    if not defaults:
        raise ProjectError(f"'{config_file}': no language under `plugins: i18n: languages:` has `default: true`.")
    languages = (defaults[0], *[e["locale"] for e in entries if e["locale"] != defaults[0]])
    extra = raw.get("extra") or {}
    settings = extra.get("helpcenter") or {}
    policy, problems = policy_from(settings, fallback=bool(i18n.get("fallback_to_default", True)))
    if problems:
        raise ProjectError(f"'{config_file}': " + " ".join(problems))
    return ProjectConfig(
        root=root,
        config_file=path,
        docs_dir=root / raw.get("docs_dir", "docs"),
        languages=languages,
        language_names={e["locale"]: str(e.get("name", e["locale"])) for e in entries},
        policy=policy,
        site_url=str(raw.get("site_url") or ""),
        support_file=root / settings.get("support_data", "support.yml"),
        strings_file=root / settings.get("ui_strings", "ui-strings.yml"),
        nav=raw.get("nav") or [],
        nav_translations={e["locale"]: dict(e.get("nav_translations") or {}) for e in entries},
    )


def read_config(path: Path, shown: str) -> dict:
    """mkdocs.yml as MkDocs reads it: an `INHERIT`ed file first, then this one merged over it
    (mergedeep, as mkdocs.utils.yaml.yaml_load: mappings merged, lists replaced)."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except FileNotFoundError:
        raise ProjectError(f"'{shown}' does not exist. Run the command in the help center's folder, or pass --config.") from None
    except yaml.YAMLError as e:
        raise ProjectError(f"'{shown}' is not valid YAML: {e}") from None
    if not isinstance(raw, dict):
        raise ProjectError(f"'{shown}' is not a MkDocs configuration.")
    parent = raw.pop("INHERIT", None)
    if parent is None:
        return raw
    base = (path.parent / str(parent)).resolve()
    return mergedeep.merge(read_config(base, f"{shown}: INHERIT {parent}"), raw)


def plugin_options(raw: dict, name: str) -> dict | None:
    """A plugin's options from `plugins:`, written as a list or as a mapping; None when it is not there."""
    plugins = raw.get("plugins") or []
    if isinstance(plugins, dict):
        return plugins[name] or {} if name in plugins else None
    for plugin in plugins:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
        if plugin == name:
            return {}
    return None


def _i18n(raw: dict) -> dict | None:
    return plugin_options(raw, "i18n")
