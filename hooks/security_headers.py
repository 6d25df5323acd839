"""MkDocs hook: write the Content-Security-Policy into site/_headers, where Netlify reads it.

Runs once, after every language is built and every other hook has written its
pages, so the policy allows exactly the inline scripts that were published:
their sha256 hashes are computed here from the built HTML. The other headers
(HSTS, caching, ...) are static and live in netlify.toml.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from helpcenter.csp import content_security_policy, headers_file, inline_scripts, script_hash

HEADERS_FILE = "_headers"
COMMENT = """Written by hooks/security_headers.py on every build: do not edit.
The script hashes are those of the inline scripts in the built pages.
Other headers, caching and redirects: netlify.toml."""


def site_script_hashes(site_dir: str) -> set[str]:
    hashes = set()
    for folder, _, names in os.walk(site_dir):
        for name in names:
            if name.endswith(".html"):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    hashes.update(script_hash(script) for script in inline_scripts(handle.read()))
    return hashes


@event_priority(-250)  # after hooks/seo.py (-200) has written the last pages
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # another language is being built; the default language's call comes last
    policy = content_security_policy(site_script_hashes(config.site_dir))
    text = headers_file({"/*": {"Content-Security-Policy": policy}}, COMMENT)
    with open(os.path.join(config.site_dir, HEADERS_FILE), "w", encoding="utf-8") as handle:
        handle.write(text)
