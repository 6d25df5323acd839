"""Find and expand `{{ kind:arg }}` placeholders in an article's Markdown."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_-]+)\s*(?::\s*([^\s}]+)\s*)?\}\}")
FENCE = re.compile(r"^\s*(```|~~~)")

# kind -> whether it renders a block (alone on its line) or inline text
BLOCK_KINDS = {"table", "widget"}
INLINE_KINDS = {"brand", "reply", "hours", "contact", "target", "timeframe", "languages", "policy"}


@dataclass(frozen=True)
class Placeholder:
    kind: str
    arg: str | None
    line: int  # 1-based, in the Markdown body
    text: str


class PlaceholderError(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message
        super().__init__(message)


def expand(markdown: str, render: Callable[[Placeholder], str]) -> str:
    """Replace each placeholder by `render(placeholder)`; fenced code is left alone.

    `render` raises PlaceholderError for a name or argument it does not know.
    """
    out: list[str] = []
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        if in_fence or "{{" not in line:
            out.append(line)
            continue
        out.append(PLACEHOLDER.sub(lambda m, line=line, number=number: _render_one(m, line, number, render), line))
        if "{{" in out[-1] and not PLACEHOLDER.search(line):
            raise PlaceholderError(number, "'{{' opens a placeholder that is not closed with '}}'. Write it like {{ table:channels }}.")
    return "\n".join(out)


def _render_one(match: re.Match[str], line: str, number: int, render: Callable[[Placeholder], str]) -> str:
    kind, arg = match.group(1), match.group(2)
    if kind in BLOCK_KINDS and line.strip() != match.group(0):
        raise PlaceholderError(number, f"{match.group(0)} must stand alone on its own line, with blank lines around it.")
    if kind not in BLOCK_KINDS | INLINE_KINDS:
        known = ", ".join(sorted(BLOCK_KINDS | INLINE_KINDS))
        raise PlaceholderError(number, f"unknown placeholder {match.group(0)}. Known kinds: {known} (see README).")
    rendered = render(Placeholder(kind, arg, number, match.group(0)))
    if kind in BLOCK_KINDS:
        return f"\n{rendered}\n"
    return rendered
