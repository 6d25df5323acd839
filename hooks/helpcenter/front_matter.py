"""Read and check an article's front matter, keeping line numbers for errors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .yaml_source import SourceError, load_yaml

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
REQUIRED = ("id", "title", "description", "last_reviewed")
KNOWN = set(REQUIRED) | {"problems", "source_hash", "template", "hide", "search", "status"}


@dataclass(frozen=True)
class FrontMatter:
    file: str
    id: str
    title: str
    description: str
    last_reviewed: date
    problems: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict)
    lines: dict = field(default_factory=dict)  # key -> line in the file
    body_offset: int = 0  # lines before the Markdown body


def split_front_matter(text: str) -> tuple[str | None, int]:
    """Return (YAML text or None, number of lines before the body)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            body = index + 1
            while body < len(lines) and not lines[body].strip():
                body += 1  # MkDocs drops blank lines before the body too
            return "\n".join(lines[1:index]), body
    return None, 0


CLAIMED_ID = re.compile(r"""^id:\s*["']?([^"'\s#]+)""", re.MULTILINE)


def claimed_id(text: str) -> str | None:
    """The id a file's front matter seems to give, read leniently (for a file whose front matter has errors)."""
    match = CLAIMED_ID.search("\n".join(text.split("\n", 40)[:40]))
    return match.group(1) if match else None


def front_matter_problem(text: str, file: str) -> SourceError:
    """Why `split_front_matter` found no front matter: none at all, or a `---` block never closed."""
    first = text.split("\n", 1)[0].strip()
    if first != "---":
        return SourceError(file, 1, "no front matter. Start the file with a `---` line, then id, title, description and last_reviewed, "
                                    "then another `---` line (see README).")
    return SourceError(file, 1, "the front matter that starts on this line is never closed. Add a line with only `---` after its last "
                                "key (before the article's text).")


def parse_front_matter(text: str, file: str, problem_ids: set[str]) -> tuple[FrontMatter | None, list[SourceError]]:
    """Check `text` (a whole Markdown file); return the front matter or the errors."""
    yaml_text, offset = split_front_matter(text)
    if yaml_text is None:
        return None, [front_matter_problem(text, file)]
    try:
        loaded = load_yaml(yaml_text, file, first_line=2)
    except SourceError as e:
        return None, [SourceError(file, e.line or 1, e.message)]
    data = loaded.data if isinstance(loaded.data, dict) else None
    if data is None:
        return None, [SourceError(file, 2, "front matter must be `key: value` lines.")]

    def line(key: str | tuple) -> int:
        path = key if isinstance(key, tuple) else (key,)
        found = loaded.line_of(path)
        return (found or 0) + 1 if found else 1

    errors: list[SourceError] = []
    for key in REQUIRED:
        if key not in data or data[key] in (None, ""):
            errors.append(SourceError(file, 1, f"front matter has no '{key}'. Add `{key}: ...` between the `---` lines."))
    for key in data:
        if key not in KNOWN:
            errors.append(SourceError(file, line(key), f"unknown front matter key '{key}'. Check the spelling; known keys: {', '.join(sorted(KNOWN))}."))
    article_id = data.get("id")
    if article_id is not None and not isinstance(article_id, str) and ID.match(str(article_id)):
        errors.append(SourceError(file, line("id"), f"id {article_id} reads as a number, not as text. Put it in quotes: `id: \"{article_id}\"`."))
    elif article_id is not None and (not isinstance(article_id, str) or not ID.match(article_id)):
        errors.append(SourceError(file, line("id"), f"id {article_id!r} must be lower-case Latin letters, digits and hyphens, e.g. payment-proof."))
    for key in ("title", "description"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            errors.append(SourceError(file, line(key), f"'{key}' must be text. Put it in quotes."))
    reviewed = data.get("last_reviewed")
    if reviewed is not None and not isinstance(reviewed, date):
        errors.append(SourceError(file, line("last_reviewed"), f"last_reviewed {reviewed!r} is not a date. Write it as YYYY-MM-DD, e.g. 2026-11-20."))
    problems = data.get("problems", [])
    if problems is None:
        problems = []
    if not isinstance(problems, list):
        errors.append(SourceError(file, line("problems"), "problems must be a list, e.g. [withdrawal, deposit]."))
        problems = []
    for index, problem in enumerate(problems):
        if problem not in problem_ids:
            errors.append(SourceError(file, line(("problems", index)), f"unknown problem type {problem!r}. Use ids from support.yml `problems`: {', '.join(sorted(problem_ids))}."))
    if errors:
        return None, errors
    lines = {key: line(key) for key in data}
    return FrontMatter(file, article_id, data["title"], data["description"], reviewed, tuple(problems), dict(data), lines, offset), []


