"""MkDocs hook: write site/_redirects, the team's redirects (redirects.yml) and the language rules of "/".

Logic in `helpcenter.language_redirects` and `helpcenter.team_redirects`. redirects.yml is read in
on_config, so a mistake in it stops the build at once with its line.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from helpcenter.language_redirects import FILE, redirects_text
from helpcenter.site_config import site_config
from helpcenter.team_redirects import FILE as TEAM_FILE
from helpcenter.team_redirects import TeamRedirect, load_redirects
from helpcenter.yaml_source import SourceError


class _Run:
    own: tuple[TeamRedirect, ...] = ()


_run = _Run()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    settings = config.extra.get("helpcenter", {}) or {}
    path = Path(config.config_file_path).resolve().parent / settings.get("redirects", TEAM_FILE)
    try:
        _run.own = load_redirects(path)
    except SourceError as e:
        raise PluginError(str(e)) from None
    return config


@event_priority(-250)
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # another language is being built; the default language's call comes last
    with open(os.path.join(config.site_dir, FILE), "w", encoding="utf-8") as handle:
        handle.write(redirects_text(site_config(config).languages, [rule.line() for rule in _run.own]))
