"""What the authoring commands do to the files: create articles, start and check translations.

Every function checks everything first and writes nothing when a check fails;
none overwrites an existing file. The command-line interface is in cli.py.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml
from babel import localedata

from .articles import Article, ArticleSet, normalize_text, scan_articles, source_hash
from .front_matter import ID, split_front_matter
from .placeholders import BLOCK_KINDS, PLACEHOLDER
from .project import ProjectConfig
from .structure import translation_differences
from .support_data import SupportDataError, load_support_data

SKELETON = (
    "<!-- Write the article here in Markdown: short paragraphs, one `##` heading per question.\n"
    "     Facts kept in support.yml (reply times, hours, contacts) are placeholders: see the README. -->\n"
)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


class AuthoringError(Exception):
    """The command cannot do what was asked; the message says why and what to do instead."""


@dataclass
class Outcome:
    """What a command did (written files) and what staff should do next."""

    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


GENERATED_FOLDERS = ("assets", "search", "feedback-thanks")  # written by MkDocs, Material or our hooks at the site's root


def scan(project: ProjectConfig) -> ArticleSet:
    return scan_articles(project.root, project.docs_dir, project.languages)


def _rel(project: ProjectConfig, path: Path) -> str:
    return path.relative_to(project.root).as_posix()


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML string


def reserved_path(article_id: str, languages: tuple[str, ...]) -> str | None:
    """Why an article at /<article_id>/ would collide with a page the generator makes, or None."""
    if article_id in languages:
        return f"/{article_id}/ is the address of the '{article_id}' site (its home page would replace the article)."
    if article_id in GENERATED_FOLDERS:
        return f"/{article_id}/ is a folder the generator makes itself."
    if len(article_id) == 2 and localedata.exists(article_id):
        return f"'{article_id}' is a language code: the day that language is added, its site at /{article_id}/ would replace the article."
    return None


def _not_plain_text(value: str) -> bool:
    """Whether YAML would read `value` unquoted as something else than this text (2024 is a number)."""
    return yaml.safe_load(value) != value


def front_matter(article_id: str, title: str, description: str, reviewed: date, problems: list[str], recorded: str | None = None) -> str:
    lines = ["---", f"id: {_quoted(article_id) if _not_plain_text(article_id) else article_id}", f"title: {_quoted(title)}", f"description: {_quoted(description)}", f"last_reviewed: {reviewed.isoformat()}"]
    if problems:
        lines.append(f"problems: [{', '.join(problems)}]")
    if recorded:
        lines.append(f'source_hash: "{recorded}"')  # quoted: an all-digit hash would read as a number
    return "\n".join(lines + ["---", ""])


def _problem_ids(project: ProjectConfig) -> set[str]:
    try:
        data = load_support_data(project.support_file, project.languages)
    except SupportDataError as e:
        raise AuthoringError(f"{project.support_file.name} has errors; fix them first:\n" + "\n".join(f"  {error}" for error in e.errors)) from None
    return {p.id for p in data.problems}


def new_article(project: ProjectConfig, article_id: str, title: str, description: str, problems: list[str], on: date, group: str | None = None) -> Outcome:
    """docs/<lang>/<id>.md in every language; translations record the new original's source_hash."""
    if not ID.match(article_id):
        raise AuthoringError(f"'{article_id}' is not a valid id: use lower-case Latin letters, digits and hyphens, e.g. deposit-limits.")
    clash = reserved_path(article_id, project.languages)
    if clash:
        raise AuthoringError(f"'{article_id}' cannot be an article id: {clash} Choose another id, e.g. {article_id}-help.")
    for name, value in (("--title", title), ("--description", description)):
        if not value.strip() or "\n" in value:
            raise AuthoringError(f"{name} must be one line of text, in the default language ({project.default}).")
    known = _problem_ids(project) if problems else set()
    unknown = [p for p in problems if p not in known]
    if unknown:
        raise AuthoringError(f"unknown problem type(s) {', '.join(unknown)}. Use ids from {project.support_file.name} `problems`: {', '.join(sorted(known))}.")
    articles = scan(project)
    for language in project.languages:
        for article in articles.by_language.get(language, {}).values():
            if article.id == article_id:
                raise AuthoringError(f"'{article.file}' already has id '{article_id}'. Choose another id; to translate that article use `translate`.")
            if language == project.default and article.title and " ".join(article.title.casefold().split()) == " ".join(title.casefold().split()):
                raise AuthoringError(f"'{article.file}' already has the title '{article.title}'. Give the new article its own title.")
    targets = [project.docs_dir / language / f"{article_id}.md" for language in project.languages]
    existing = [_rel(project, t) for t in targets if t.exists()]
    if existing:
        raise AuthoringError(f"{', '.join(existing)} already exist(s); nothing was written. Choose another id, or edit the existing file.")
    nav_edit = _nav_insertion(project, group, f"{article_id}.md") if group else None
    original = front_matter(article_id, title, description, on, problems) + "\n" + SKELETON
    recorded = source_hash(title, description, SKELETON)
    outcome = Outcome()
    for language, target in zip(project.languages, targets, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        text = original if language == project.default else front_matter(article_id, title, description, on, problems, recorded) + "\n" + SKELETON
        with open(target, "x", encoding="utf-8") as handle:  # "x": never overwrite
            handle.write(text)
        outcome.written.append(target)
    if nav_edit is not None:
        project.config_file.write_text(nav_edit, encoding="utf-8")
        outcome.written.append(project.config_file)
        outcome.notes.append(f"Added `{article_id}.md` to the navigation group '{group}' in {project.config_file.name}.")
    else:
        groups = ", ".join(f"'{g}'" for g in project.nav_groups()) or "(none yet)"
        outcome.notes.append(f"Add `- {article_id}.md` to `nav:` in {project.config_file.name}, under its group ({groups}); "
                             f"until then the strict build stops because the page is not in the navigation. "
                             f"(Next time, `--group` does it for you.)")
    first = _rel(project, targets[0])
    outcome.notes.append(f"Write the article in {first}.")
    outcome.notes.append(f"Each translation ({', '.join(_rel(project, t) for t in targets[1:])}) now holds the same skeleton; once the original is written "
                         f"they are listed as outdated. Translate each one, then run `make mark-current ID={article_id} IN=<language>`.")
    return outcome


def _nav_insertion(project: ProjectConfig, group: str, entry: str) -> str:
    """mkdocs.yml's text with `- entry` added as the last item of the nav group `group`."""
    if group not in project.nav_groups():
        raise AuthoringError(f"there is no navigation group '{group}'. Groups: {', '.join(repr(g) for g in project.nav_groups())}.")
    lines = project.config_file.read_text(encoding="utf-8").split("\n")
    try:
        start = lines.index("nav:")
    except ValueError:
        raise AuthoringError(f"{project.config_file.name} has no top-level `nav:` line to add to; add `- {entry}` by hand.") from None
    header = re.compile(r"^(\s*)-\s+(['\"]?)(.+?)\2\s*:\s*$")
    for index in range(start + 1, len(lines)):
        match = header.match(lines[index])
        if lines[index] and not lines[index][0].isspace():
            break  # past the nav block
        if match and match.group(3) == group:
            indent = len(match.group(1))
            last, child_indent = index, None
            for follow in range(index + 1, len(lines)):
                text = lines[follow]
                if not text.strip():
                    continue
                depth = len(text) - len(text.lstrip())
                if depth <= indent:
                    break
                if child_indent is None:
                    child_indent = depth
                last = follow
            pad = " " * (child_indent if child_indent is not None else indent + 4)
            lines.insert(last + 1, f"{pad}- {entry}")
            return "\n".join(lines)
    raise AuthoringError(f"could not find the group '{group}' under `nav:` in {project.config_file.name}; add `- {entry}` by hand.")


def _original(project: ProjectConfig, articles: ArticleSet, article_id: str) -> Article:
    path = articles.find(article_id)
    if path is None:
        known = sorted(a.id for a in articles.by_language.get(project.default, {}).values() if a.id)
        raise AuthoringError(f"no article in docs/{project.default}/ has id '{article_id}'. Known ids: {', '.join(known)}.")
    original = articles.get(project.default, path)
    assert original is not None
    return original


def _translation_language(project: ProjectConfig, language: str) -> None:
    if language == project.default:
        raise AuthoringError(f"'{language}' is the default language: its articles are the originals, not translations.")
    if language not in project.languages:
        raise AuthoringError(f"'{language}' is not a site language. Languages: {', '.join(project.languages[1:])} (translations), {project.default} (originals).")


def translate(project: ProjectConfig, article_id: str, language: str, on: date) -> Outcome:
    """Start a translation: a copy of the original, without source_hash until it is checked."""
    _translation_language(project, language)
    articles = scan(project)
    original = _original(project, articles, article_id)
    target = project.docs_dir / language / original.path
    if target.exists():
        unreadable = [str(e) for e in articles.read_errors if e.file == _rel(project, target)]
        if unreadable:
            raise AuthoringError(f"{_rel(project, target)} already exists but cannot be read; nothing was written. {unreadable[0]}")
        raise AuthoringError(f"{_rel(project, target)} already exists; nothing was written. Edit it, then run `make mark-current ID={article_id} IN={language}`.")
    text = (project.root / original.file).read_text(encoding="utf-8")
    text = _set_key(text, "last_reviewed", on.isoformat())
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(text)
    return Outcome([target], [f"Translate the title, description and text of {_rel(project, target)} (keep `id` and every {{{{ ... }}}} placeholder), "
                              f"then run `make mark-current ID={article_id} IN={language}`. Until then it is listed as outdated."])


@dataclass(frozen=True)
class Marked:
    file: str
    previous: str | None
    recorded: str
    changed: bool


def mark_current(project: ProjectConfig, article_id: str, languages: list[str], on: date, keep_date: bool = False) -> tuple[list[Marked], Outcome]:
    """Record the original's current source_hash in checked translations (and today's date as last_reviewed)."""
    for language in languages:
        _translation_language(project, language)
    articles = scan(project)
    original = _original(project, articles, article_id)
    if not languages:
        languages = [lang for lang in project.languages[1:] if articles.get(lang, original.path) is not None]
        if not languages:
            raise AuthoringError(f"'{original.file}' has no translations yet. Start one with `make translate ID={article_id} IN=<language>`.")
    current = original.source_hash()
    plans: list[tuple[Path, str, Marked]] = []
    refusals: list[str] = []  # every translation that is not ready, not only the first
    for language in languages:
        try:
            plans.append(_mark_plan(project, articles, original, article_id, language, current, on, keep_date))
        except AuthoringError as e:
            refusals.append(str(e))
    if refusals:
        raise AuthoringError("nothing was marked current:\n" + "\n".join(f"  - {reason}" for reason in refusals) if len(refusals) > 1 else refusals[0])
    outcome = Outcome()
    for target, text, marked in plans:
        if marked.changed:
            target.write_text(text, encoding="utf-8")
            outcome.written.append(target)
    return [m for _, _, m in plans], outcome


def _mark_plan(project: ProjectConfig, articles: ArticleSet, original: Article, article_id: str, language: str, current: str,
               on: date, keep_date: bool) -> tuple[Path, str, Marked]:
    """What marking one translation current writes; AuthoringError when it is not ready."""
    translation = articles.get(language, original.path)
    target = project.docs_dir / language / original.path
    if translation is None:
        if target.exists():
            raise AuthoringError(f"{_rel(project, target)} has no readable front matter; fix it first (the build names the line).")
        raise AuthoringError(f"there is no {_rel(project, target)} yet. Start it with `make translate ID={article_id} IN={language}`.")
    _check_translation(translation, original)
    differences = translation_differences(original, translation, articles)
    if differences:
        raise AuthoringError(f"{translation.file} does not match {original.file} in structure: {'; '.join(differences)}. "
                             f"Make them match (translate what is missing, remove what the original does not say), then mark it current. Nothing was written.")
    if translation.recorded_hash == current:
        return target, "", Marked(translation.file, current, current, False)
    text = target.read_text(encoding="utf-8")
    text = _set_key(text, "source_hash", f'"{current}"')  # quoted: an all-digit hash would read as a number
    if not keep_date:
        text = _set_key(text, "last_reviewed", on.isoformat())
    return target, text, Marked(translation.file, translation.recorded_hash, current, True)


def _check_translation(translation: Article, original: Article) -> None:
    if translation.id != original.id:
        raise AuthoringError(f"{translation.file}: id '{translation.id}' is not the original's id '{original.id}'. Write `id: {original.id}` first.")
    words, source_words = _words(translation.body), _words(original.body)
    if source_words and not words:
        raise AuthoringError(f"{translation.file} has no text yet, but {original.file} has. Translate it first, then mark it current.")
    if words and words == source_words:
        raise AuthoringError(f"{translation.file} still has the original's text ({original.file}). Translate it first, then mark it current.")
    ours, theirs = _blocks(translation.body), _blocks(original.body)
    if ours != theirs:
        missing, extra = sorted(theirs - ours), sorted(ours - theirs)
        details = "; ".join(filter(None, [f"missing {', '.join(missing)}" if missing else "", f"not in the original: {', '.join(extra)}" if extra else ""]))
        raise AuthoringError(f"{translation.file} does not have the same tables and widgets as {original.file} ({details}). "
                             f"Bring the translation up to date first.")


def _words(body: str) -> str:
    """The text a translator translates: without comments and placeholders."""
    return normalize_text(PLACEHOLDER.sub("", COMMENT.sub("", body)))


def _blocks(body: str) -> set[str]:
    return {f"{{{{ {m.group(1)}:{m.group(2)} }}}}" for m in PLACEHOLDER.finditer(body) if m.group(1) in BLOCK_KINDS}


def _set_key(text: str, key: str, value: str) -> str:
    """Set `key: value` in a Markdown file's front matter, keeping every other line as it is."""
    yaml_text, _ = split_front_matter(text)
    if yaml_text is None:
        raise AuthoringError("the file has no front matter.")
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for index in range(1, end):
        if pattern.match(lines[index]):
            lines[index] = f"{key}: {value}"
            return "\n".join(lines)
    lines.insert(end, f"{key}: {value}")
    return "\n".join(lines)

