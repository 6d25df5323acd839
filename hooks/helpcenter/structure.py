"""The structure of an article, and how a translation's differs from its original's.

A translation is only current when it has what the original has: the same
headings (count and levels), in each section (text under one `##` heading) the
same lists with as many items and steps, the same tables (rows and columns),
the same placeholders and widgets, links to the same articles (by id) and as
many FAQ questions. Pure: Markdown text in, differences in plain words out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .articles import Article, ArticleSet
from .links import destination, extract_links
from .placeholders import PLACEHOLDER

FENCE = re.compile(r"^\s*(```|~~~)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+\S")
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
QUESTION_MARKS = ("?", "？", "؟")


@dataclass
class Section:
    title: str  # of its `##` heading; "" for the text before the first one
    lists: list[tuple[str, int]] = field(default_factory=list)  # ("steps" | "list items", items), in order
    tables: list[tuple[int, int]] = field(default_factory=list)  # (rows without the header, columns)


@dataclass
class Outline:
    headings: list[tuple[int, str]] = field(default_factory=list)  # (level, text), h2 and below
    sections: list[Section] = field(default_factory=lambda: [Section("")])
    placeholders: Counter = field(default_factory=Counter)
    links: Counter = field(default_factory=Counter)  # article id -> links to it
    questions: int = 0


def outline(body: str, article_of: Callable[[str], str | None] = lambda target: None) -> Outline:
    """Read the structure of an article's Markdown; `article_of(link)` names the article a link leads to."""
    result = Outline()
    lines = body.split("\n")
    in_fence = False
    open_lists: list[list] = []  # [indent, kind, [kind, count] in its section's lists], outermost first
    blank_before = False
    index = 0

    def close_lists(section: Section) -> None:
        open_lists.clear()  # lists are recorded in the order they start, counted as they grow

    while index < len(lines):
        line = lines[index]
        section = result.sections[-1]
        if FENCE.match(line):
            in_fence = not in_fence
            index += 1
            continue
        if in_fence:
            index += 1
            continue
        result.placeholders.update(f"{{{{ {m.group(1)}:{m.group(2)} }}}}" if m.group(2) else f"{{{{ {m.group(1)} }}}}" for m in PLACEHOLDER.finditer(line))
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) >= 2:
            close_lists(section)
            level, text = len(heading.group(1)), heading.group(2)
            result.headings.append((level, text))
            if level == 2:
                result.sections.append(Section(text))
                result.questions += text.endswith(QUESTION_MARKS)
            index += 1
            blank_before = False
            continue
        if "|" in line and index + 1 < len(lines) and TABLE_RULE.match(lines[index + 1]) and "-" in lines[index + 1]:
            close_lists(section)
            columns = len([c for c in lines[index + 1].strip().strip("|").split("|")])
            rows = 0
            index += 2
            while index < len(lines) and lines[index].strip() and "|" in lines[index]:
                rows += 1
                index += 1
            section.tables.append((rows, columns))
            blank_before = False
            continue
        item = ITEM.match(line)
        if item:
            indent, kind = len(item.group(1).expandtabs(4)), "steps" if item.group(2)[0].isdigit() else "list items"
            while open_lists and open_lists[-1][0] > indent + 1:
                open_lists.pop()
            if open_lists and abs(open_lists[-1][0] - indent) <= 1 and open_lists[-1][1] == kind:
                open_lists[-1][2][1] += 1
            else:
                if open_lists and abs(open_lists[-1][0] - indent) <= 1:
                    open_lists.pop()
                counted = [kind, 1]
                section.lists.append(counted)  # type: ignore[arg-type]
                open_lists.append([indent, kind, counted])
        elif line.strip():
            indent = len(line) - len(line.lstrip())
            if open_lists and blank_before and indent <= open_lists[0][0]:
                close_lists(section)  # a paragraph after the list, not inside an item
        blank_before = not line.strip()
        index += 1
    for part in result.sections:
        part.lists = [(kind, count) for kind, count in part.lists]
    for link in extract_links(body):
        target = article_of(link.target)
        if target is not None:
            result.links[target] += 1
    return result


def _heading_summary(headings: list[tuple[int, str]]) -> str:
    levels = Counter(level for level, _ in headings)
    parts = ", ".join(f"{levels[level]} at level {level}" for level in sorted(levels))
    return f"{len(headings)} heading{'s' if len(headings) != 1 else ''}" + (f" ({parts})" if parts else "")


def _section_name(number: int, section: Section) -> str:
    return "the text before the first heading" if number == 0 else f"section {number} (\"{section.title}\")"


def _count(n: int, kind: str) -> str:
    singular = {"steps": "step", "list items": "list item", "lists": "list", "tables": "table", "questions": "FAQ question"}
    return f"{n} {singular.get(kind, kind) if n == 1 else ('FAQ questions' if kind == 'questions' else kind)}"


def differences(original: Outline, translation: Outline, source: str, target: str) -> list[str]:
    """What differs, in plain words: 'section 3 ("...") has 4 steps in az, 3 in tr'."""
    found: list[str] = []
    same_headings = [level for level, _ in original.headings] == [level for level, _ in translation.headings]
    if not same_headings:
        found.append(f"headings: {_heading_summary(original.headings)} in {source}, {_heading_summary(translation.headings)} in {target}")
        first = next((i for i, (a, b) in enumerate(zip(original.headings, translation.headings, strict=False)) if a[0] != b[0]), None)
        if first is not None:
            found.append(f"heading {first + 1} (\"{original.headings[first][1]}\") is level {original.headings[first][0]} in {source}, "
                         f"\"{translation.headings[first][1]}\" is level {translation.headings[first][0]} in {target}")
    if same_headings:
        for number, (ours, theirs) in enumerate(zip(original.sections, translation.sections, strict=False)):
            found += _section_differences(_section_name(number, ours), ours, theirs, source, target)
    else:  # sections cannot be paired: compare the page as a whole
        whole = [Section("", [x for s in o.sections for x in s.lists], [t for s in o.sections for t in s.tables]) for o in (original, translation)]
        found += _section_differences("the page", whole[0], whole[1], source, target)
    if original.questions != translation.questions:
        found.append(f"{_count(original.questions, 'questions')} in {source}, {translation.questions} in {target}")
    # Tables and widgets count one by one; an inline fact or a link may be repeated for style,
    # so only whether it is there counts. The brand's name is not a fact.
    for key in sorted(set(original.placeholders) | set(translation.placeholders)):
        a, b = original.placeholders[key], translation.placeholders[key]
        if key.startswith(("{{ table:", "{{ widget:")):
            if a != b:
                found.append(f"{'widget' if key.startswith('{{ widget:') else 'data table'} {key}: {a} in {source}, {b} in {target}")
        elif key != "{{ brand }}" and bool(a) != bool(b):
            found.append(f"placeholder {key} is in {source if a else target} only")
    for key in sorted(set(original.links) | set(translation.links)):
        if bool(original.links[key]) != bool(translation.links[key]):
            found.append(f"the link to article '{key}' is in {source if original.links[key] else target} only")
    return found


def _section_differences(name: str, ours: Section, theirs: Section, source: str, target: str) -> list[str]:
    found: list[str] = []
    if [k for k, _ in ours.lists] != [k for k, _ in theirs.lists]:
        def kinds(s: Section) -> str:
            counts = Counter(k for k, _ in s.lists)
            return " and ".join(f"{counts[k]} {'numbered' if k == 'steps' else 'bulleted'} list{'s' if counts[k] != 1 else ''}" for k in ("steps", "list items") if counts[k]) or "no list"
        found.append(f"{name} has {kinds(ours)} in {source}, {kinds(theirs)} in {target}")
    else:
        for number, ((kind, a), (_, b)) in enumerate(zip(ours.lists, theirs.lists, strict=False), start=1):
            if a != b:
                which = "" if len(ours.lists) == 1 else f" (list {number})"
                found.append(f"{name}{which} has {_count(a, kind)} in {source}, {b} in {target}")
    if len(ours.tables) != len(theirs.tables):
        found.append(f"{name} has {_count(len(ours.tables), 'tables')} in {source}, {len(theirs.tables)} in {target}")
    else:
        for number, ((rows_a, cols_a), (rows_b, cols_b)) in enumerate(zip(ours.tables, theirs.tables, strict=False), start=1):
            if (rows_a, cols_a) != (rows_b, cols_b):
                which = "" if len(ours.tables) == 1 else f" {number}"
                found.append(f"{name}: table{which} has {rows_a} rows and {cols_a} columns in {source}, {rows_b} rows and {cols_b} columns in {target}")
    return found


def translation_differences(original: Article, translation: Article, articles: ArticleSet) -> list[str]:
    """How `translation` differs in structure from `original`; links are compared by the id of the article they lead to."""
    def resolver(article: Article) -> Callable[[str], str | None]:
        def article_of(target: str) -> str | None:
            where = destination(target, article.language, article.path, articles.languages)
            if where is None or where.path is None:
                return None
            found = articles.get(articles.default, where.path) or articles.get(where.language or article.language, where.path)
            return (found.id if found is not None and found.id else where.path.removesuffix(".md"))
        return article_of

    return differences(outline(original.body, resolver(original)), outline(translation.body, resolver(translation)),
                       original.language, translation.language)
