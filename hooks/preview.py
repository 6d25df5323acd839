"""MkDocs hook: the live preview (`mkdocs serve`) rebuilds on every data file and never hangs.

`watch:` in mkdocs.yml lists paths that must already exist, and a watch on a single file stops
firing once an editor saves by writing a new file and renaming it over the old one. Watching
the project folder itself (not its subfolders) catches every save of support.yml,
ui-strings.yml, a synonyms file added later, or any other data file beside mkdocs.yml.
Articles are watched by MkDocs already (docs_dir).

While the build is broken, MkDocs keeps requests waiting until a rebuild succeeds; here they
get a page with the errors at once, which reloads when they are fixed (helpcenter.preview_errors).
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger

from helpcenter.preview_errors import BrokenBuildPreview
from helpcenter.site_config import site_config

log = get_plugin_logger("helpcenter")


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    server.watch(os.path.dirname(os.path.abspath(config.config_file_path)), recursive=False)
    preview = BrokenBuildPreview(site_config(config).templates_dir, log)
    server.builder = preview.builder(server.builder)
    # MkDocs 1.6.1 (pinned): its reload script and the epoch of the last build, as on every page it serves.
    server.set_app(preview.app(server.get_app(), lambda page: server._inject_js_into_html(page, server._visible_epoch)))
    return server
