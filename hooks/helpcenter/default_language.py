"""`set-default-language CODE`: make another site language the original, in one step.

What changes:
- mkdocs.yml: `default: true` and `theme.language` move to CODE; the navigation's
  group titles become CODE's, and every language's `nav_translations` is rekeyed
  by them (the former default gets its titles there);
- articles: CODE's files become the originals (their `source_hash` goes); every
  other translation that was current (the former originals included) records the
  new original's hash, so it stays current; one that was outdated stays outdated.
Notes on untranslated pages name the default language through Babel (`{original}`
in ui-strings.yml), so they follow without an edit.

Refused, with nothing written, when CODE lacks an article or a navigation title.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .articles import ArticleSet
from .authoring import AuthoringError, Outcome, _set_key, scan
from .project import ProjectConfig
from .translation_status import is_untranslated


def set_default_language(project: ProjectConfig, code: str) -> Outcome:
    old = project.default
    if code == old:
        raise AuthoringError(f"'{code}' is already the default language; nothing to do.")
    if code not in project.languages:
        raise AuthoringError(f"'{code}' is not a site language ({', '.join(project.languages)}). Add it first (`make add-language CODE={code}`).")
    articles = scan(project)
    _refuse_gaps(project, articles, code)
    titles = project.nav_translations.get(code, {})  # old group title -> its title in `code`
    config_text = _new_config(project, code, titles)
    writes: dict[Path, str] = {project.config_file: config_text}
    for path in articles.paths():
        original, new_original = articles.get(old, path), articles.get(code, path)
        assert original is not None and new_original is not None
        was_current = new_original.recorded_hash == original.source_hash()
        new_hash = new_original.source_hash()
        writes[project.root / new_original.file] = _drop_key(_read(project, new_original.file), "source_hash")
        for language in project.languages:
            other = articles.get(language, path)
            if language == code or other is None:
                continue
            # The former original matches the new one exactly when that was a current translation of it.
            current = was_current and (language == old or other.recorded_hash == original.source_hash())
            if current:
                writes[project.root / other.file] = _set_key(_read(project, other.file), "source_hash", f'"{new_hash}"')
    outcome = Outcome()
    for target, text in writes.items():
        if target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            outcome.written.append(target)
    outcome.notes.append(f"'{code}' is now the default language, served at /; '{old}' moved under /{old}/. "
                         "Check `make status`: translations that were outdated stay outdated.")
    outcome.notes.append("Build (`make build`): the language redirects of / follow by themselves.")
    return outcome


def _read(project: ProjectConfig, relative: str) -> str:
    return (project.root / relative).read_text(encoding="utf-8")


def _refuse_gaps(project: ProjectConfig, articles: ArticleSet, code: str) -> None:
    lacking = [p for p in articles.paths() if articles.get(project.default, p) and
               (articles.get(code, p) is None or is_untranslated(articles.get(code, p)))]  # type: ignore[arg-type]
    if lacking:
        raise AuthoringError(f"'{code}' has no text for {len(lacking)} article(s), which would have no original: "
                             f"{', '.join(lacking)}. Translate them first (`make translate ID=... IN={code}`); nothing was written.")
    titles = project.nav_translations.get(code, {})
    untitled = [group for group in project.nav_groups() if not titles.get(group)]
    if untitled:
        raise AuthoringError(f"'{code}' has no navigation title for {', '.join(untitled)} (nav_translations in "
                             f"{project.config_file.name}); write them first. Nothing was written.")


def _drop_key(text: str, key: str) -> str:
    lines = text.split("\n")
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    return "\n".join(line for i, line in enumerate(lines) if not (0 < i < end and pattern.match(line)))


def _new_config(project: ProjectConfig, code: str, titles: dict[str, str]) -> str:
    """mkdocs.yml with the default moved: the i18n `languages:` block rewritten, the rest edited line by line."""
    text = project.config_file.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"^\s+languages:\s*$", line)), None)
    if start is None:
        raise AuthoringError(f"{project.config_file.name}: no `languages:` list under the i18n plugin was found.")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    def inside(line: str) -> bool:  # deeper, or a list item at the key's own indent (`languages:` then `- locale:`, as YAML allows)
        depth = len(line) - len(line.lstrip())
        return not line.strip() or depth > indent or (depth == indent and line.lstrip().startswith("- "))
    while end < len(lines) and inside(lines[end]):
        end += 1
    while not lines[end - 1].strip():  # blank lines after the block stay where they are
        end -= 1
    raw = yaml.safe_load("\n".join(line[indent:] for line in lines[start:end]))["languages"]
    old = project.default
    entries = []
    for entry in raw:
        entry = dict(entry)
        locale = entry.get("locale")
        entry.pop("default", None)
        translations = entry.pop("nav_translations", None) or {}
        if locale == code:
            entry = {"locale": code, **{k: v for k, v in entry.items() if k != "locale"}, "default": True}
        elif locale == old:
            entry["nav_translations"] = {titles[group]: group for group in titles}
        elif translations:
            entry["nav_translations"] = {titles.get(group, group): title for group, title in translations.items()}
        entries.append(entry)
    block = yaml.dump({"languages": entries}, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, width=200)
    block_lines = [" " * indent + line if line else line for line in block.rstrip("\n").split("\n")]
    lines[start:end] = block_lines
    text = "\n".join(lines)
    text = re.sub(rf"(?m)^(\s+language:\s*){re.escape(old)}\s*$", rf"\g<1>{code}", text, count=1)
    nav_at = text.find("\nnav:")
    if nav_at >= 0:
        head, nav = text[:nav_at], text[nav_at:]
        for group, title in titles.items():
            key = _yaml_key(title)
            nav = re.sub(rf"(?m)^(\s*- ){re.escape(group)}:(\s*)$", lambda m, key=key: f"{m.group(1)}{key}:{m.group(2)}", nav)
        text = head + nav
    return text


class _IndentedDumper(yaml.SafeDumper):
    """Lists indented under their key, as mkdocs.yml writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _yaml_key(title: str) -> str:
    dumped = yaml.safe_dump({title: None}, allow_unicode=True).split(":")[0]
    return dumped
