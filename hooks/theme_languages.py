"""MkDocs hook: site languages that Material does not translate get its partial written at build time.

The partial goes into a temporary folder on the theme's search path (after
overrides/, which may still hold a hand-written one); the build says once,
as INFO, which interface strings still show in English. Logic in
`helpcenter.theme_languages`.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.site_config import site_config
from helpcenter.theme_languages import material_translates, theme_language
from helpcenter.yaml_source import SourceError

log = logging.getLogger("mkdocs.plugins.helpcenter.theme_languages")


class _Run:
    folder: str | None = None
    reported: set[str] = set()


_run = _Run()


@event_priority(100)  # before Material's search plugin (priority 0), which reads the language partial in its on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    site = site_config(config)
    custom = Path(config.theme.custom_dir or "")
    settings = config.extra.get("helpcenter", {}) or {}
    project_dir = Path(site.root) / settings.get("theme_strings", "theme-strings")
    missing = [code for code in site.languages
               if not material_translates(code) and not (custom / "partials" / "languages" / f"{code}.html").is_file()]
    if not missing:
        return config
    if _run.folder is None:
        _run.folder = tempfile.mkdtemp(prefix="helpcenter-theme-")
    target = Path(_run.folder) / "partials" / "languages"
    target.mkdir(parents=True, exist_ok=True)
    for code in missing:
        try:
            language = theme_language(code, project_dir)
        except SourceError as e:
            raise PluginError(str(e)) from None
        path = target / f"{code}.html"
        if not path.is_file() or path.read_text(encoding="utf-8") != language.partial:
            path.write_text(language.partial, encoding="utf-8")
        if language.fallbacks and code not in _run.reported:
            _run.reported.add(code)
            log.info(f"Material has no '{code}' interface texts; {len(language.fallbacks)} still show in English "
                     f"(add them to {project_dir.name}/{code}.yml): {', '.join(language.fallbacks)}")
    if _run.folder not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, _run.folder)
    return config


def on_shutdown() -> None:
    if _run.folder:
        shutil.rmtree(_run.folder, ignore_errors=True)
    _run.folder, _run.reported = None, set()
