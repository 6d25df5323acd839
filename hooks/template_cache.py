"""MkDocs hook: the language builds share compiled templates (`helpcenter.template_cache`)."""

from __future__ import annotations

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from helpcenter.template_cache import share_compiled_templates


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    return share_compiled_templates(env)
