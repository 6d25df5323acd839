"""The generator's base configuration, which a site's mkdocs.yml INHERITs.

MkDocs merges the two with mergedeep (mkdocs.utils.yaml): mappings key by key,
lists replaced whole. A site that writes one of the base's lists itself (`hooks:`,
`extra_css:`...) would silently drop what the generator puts there, and a
`plugins:` or `markdown_extensions:` list would replace the base's mapping.
`replaced_settings` finds both, so the build can say so at its cause.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .project import _TolerantLoader
from .yaml_source import SourceError


def replaced_settings(site_text: str, site_name: str, base: dict[str, Any], base_name: str) -> list[SourceError]:
    """The site's top-level settings that would replace, not extend, the base's."""
    try:
        site = yaml.load(site_text, Loader=_TolerantLoader)
    except yaml.YAMLError:
        return []  # MkDocs itself reports the syntax error
    if not isinstance(site, dict) or "INHERIT" not in site:
        return []
    errors = []
    for key, value in site.items():
        if key not in base:
            continue
        line = _line_of(site_text, key)
        ours = base[key]
        if isinstance(ours, dict) and isinstance(value, list):
            errors.append(SourceError(site_name, line, f"`{key}:` is a list, which replaces the generator's `{key}:` in '{base_name}' instead of adding "
                                      f"to it. Write it as a mapping (`{key}:` then `  name: {{options}}` on the next lines), with only your additions."))
        elif isinstance(ours, list) and isinstance(value, list):
            missing = [item for item in ours if item not in value]
            if missing:
                shown = ", ".join(str(item) for item in missing[:3]) + (" ..." if len(missing) > 3 else "")
                errors.append(SourceError(site_name, line, f"`{key}:` replaces the generator's list in '{base_name}' (MkDocs does not merge lists), "
                                          f"so {len(missing)} of its entries would be left out ({shown}). Delete `{key}:` here, or list those too."))
    return errors


def _line_of(text: str, key: str) -> int | None:
    found = re.search(rf"(?m)^{re.escape(key)}\s*:", text)
    return text[: found.start()].count("\n") + 1 if found else None


def base_file(site_text: str, site_file: Path) -> Path | None:
    """The file the site's mkdocs.yml INHERITs, or None."""
    found = re.search(r"(?m)^INHERIT\s*:\s*['\"]?([^'\"\n#]+?)['\"]?\s*(#.*)?$", site_text)
    return (site_file.parent / found.group(1)).resolve() if found else None
