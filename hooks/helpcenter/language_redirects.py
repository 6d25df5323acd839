"""The language rules of "/" and the per-language not-found pages, in Netlify's `_redirects` syntax.

Written into the site at every build from the configured languages, so adding a
language or changing the default needs no edit of netlify.toml. Netlify reads
`_redirects` before netlify.toml's rules, which keep what no language decides
(the site-wide not-found page). A team's own redirects (redirects.yml) go first.
The local production server reads both the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

FILE = "_redirects"
HEADER = """# Written by the build (hooks/helpcenter/language_redirects.py) from mkdocs.yml's languages
# and redirects.yml: do not edit.
# "/" is the default language; a browser that prefers another site language (Accept-Language,
# or the nf_lang cookie the language selector sets) is sent to it once. Only "/" is redirected,
# so nothing loops; `!` (force) because /index.html exists and would otherwise shadow the rules.
"""


def redirects_text(languages: tuple[str, ...], own: Sequence[str] = ()) -> str:
    """`languages`: default first. `own`: the team's rules (redirects.yml), which must come first."""
    default, others = languages[0], languages[1:]
    lines = [HEADER]
    if own:
        lines += ["# The team's own redirects (redirects.yml): before every rule below.", *own, ""]
    lines += ["# A browser that asks for the default language keeps it, whatever else it lists: first.",
             f"/  /index.html  200!  Language={default}"]
    lines += [f"/  /{code}/  302!  Language={code}" for code in others]
    lines += ["", "# A missing page gets the not-found page of its language. Not forced: only paths without a file."]
    lines += [f"/{code}/*  /{code}/404.html  404" for code in others]
    return "\n".join(lines) + "\n"
