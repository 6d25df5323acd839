"""MkDocs hook: `mkdocs serve` rebuilds when any top-level data file changes.

`watch:` in mkdocs.yml lists paths that must already exist, and a watch on a
single file stops firing once an editor saves by writing a new file and
renaming it over the old one. Watching the project folder itself (not its
subfolders) catches every save of support.yml, ui-strings.yml, a synonyms
file added later, or any other data file beside mkdocs.yml. Articles are
watched by MkDocs already (docs_dir).
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    server.watch(os.path.dirname(os.path.abspath(config.config_file_path)), recursive=False)
    return server
