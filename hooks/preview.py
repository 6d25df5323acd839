"""MkDocs hook: the live preview (`mkdocs serve`) rebuilds on every data file and never hangs.

`watch:` in mkdocs.yml lists paths that must already exist, and a watch on a single file stops
firing once an editor saves by writing a new file and renaming it over the old one. Watching
the project folder itself (not its subfolders) catches every save of support.yml,
ui-strings.yml, a synonyms file added later, or any other data file beside mkdocs.yml.
Articles are watched by MkDocs already (docs_dir).

While the build is broken, MkDocs keeps requests waiting until a rebuild succeeds, and stops
if the first build fails; here pages answer at once with the errors and reload when they are
fixed (helpcenter.preview_errors).
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.commands import serve as serve_command
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger

from helpcenter.preview_errors import BrokenBuildPreview

log = get_plugin_logger("helpcenter")
TEMPLATES = Path(__file__).resolve().parents[1] / "overrides" / "partials" / "helpcenter"  # the generator's, beside hooks/


class _Serve:
    preview: BrokenBuildPreview | None = None
    build = None  # MkDocs' own build function, while it is guarded


_serve = _Serve()


def on_startup(*, command: str, dirty: bool) -> None:
    if command != "serve":
        return
    # MkDocs 1.6.1 (pinned): `serve` calls this module's `build` by name for the first build and every
    # rebuild; guarded, a failure is shown in the browser instead of stopping or stalling the server.
    _serve.preview = BrokenBuildPreview(TEMPLATES, log)
    _serve.build = serve_command.build
    serve_command.build = _serve.preview.guard(serve_command.build, settles=True)


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder) -> LiveReloadServer:
    server.watch(os.path.dirname(os.path.abspath(config.config_file_path)), recursive=False)
    guarded = _serve.preview is not None  # not with `mkdocs serve --clean`, whose startup says "build"
    preview = _serve.preview or BrokenBuildPreview(TEMPLATES, log)
    # A rebuild also reloads mkdocs.yml, whose mistakes come before the build.
    server.builder = preview.guard(server.builder, settles=not guarded)
    # MkDocs' reload script and the epoch of the last build, as on every page it serves.
    server.set_app(preview.app(server.get_app(), lambda page: server._inject_js_into_html(page, server._visible_epoch)))
    return server


def on_shutdown() -> None:
    if _serve.build is not None:
        serve_command.build = _serve.build
    _serve.preview, _serve.build = None, None
