"""Which translations are current, outdated or missing, and which reviews are overdue.

Pure: takes the articles of every language (`ArticleSet`), the policy from
mkdocs.yml and today's date; returns one status per article x language and the
findings to report. The build hook, `make status` and the JSON report in the
build output all use this one definition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property
from typing import Any

from .articles import HASH, HASH_LENGTH, Article, ArticleSet
from .structure import translation_differences

COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

ORIGINAL, CURRENT, OUTDATED, DIVERGED, MISSING = "original", "current", "outdated", "diverged", "missing"
STATES = (ORIGINAL, CURRENT, OUTDATED, DIVERGED, MISSING)
ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Policy:
    """`extra.helpcenter` settings in mkdocs.yml, plus the i18n fallback switch."""

    review_days: int = 180
    review_strict: bool = False  # overdue reviews: warning (fails --strict) instead of info
    outdated_strict: bool = False  # outdated translations: warning (fails --strict) instead of info
    fallback: bool = True  # mkdocs-static-i18n fallback_to_default


def policy_from(settings: dict[str, Any] | None, fallback: bool) -> tuple[Policy, list[str]]:
    """Read the policy from `extra.helpcenter`; return it and the problems found in it."""
    settings = settings or {}
    problems: list[str] = []
    days = settings.get("review_days", 180)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        problems.append(f"extra.helpcenter.review_days: {days!r} is not a number of days. Write a whole number such as 180.")
        days = 180
    flags = {}
    for key in ("review_strict", "outdated_strict"):
        value = settings.get(key, False)
        if not isinstance(value, bool):
            problems.append(f"extra.helpcenter.{key}: {value!r} must be true or false.")
            value = False
        flags[key] = value
    return Policy(days, flags["review_strict"], flags["outdated_strict"], fallback), problems


@dataclass(frozen=True)
class Finding:
    """Something to tell staff about one file; `level` decides how loudly."""

    level: str  # error | warning | info
    kind: str  # 'Error', 'Outdated translation', 'Review overdue', ...
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"'{self.file}', line {self.line}" if self.line else f"'{self.file}'"
        return f"{self.kind} in {where}: {self.message}"


@dataclass(frozen=True)
class PageStatus:
    """One article in one language."""

    article: str  # the original's id (or the file's own id when there is no original)
    path: str  # inside the language folder
    language: str
    state: str  # original | current | outdated | diverged | missing
    file: str | None  # the file players see in this language (the original when missing)
    translation: str | None  # this language's own file, if any
    last_reviewed: date | None  # of the file players see
    age_days: int | None  # days since last_reviewed
    review_due: date | None
    overdue: bool
    recorded_hash: str | None  # source_hash written in the translation
    source_hash: str | None  # the original's hash now
    differences: tuple[str, ...] = ()  # how its structure differs from the original's (structure.py)

    def as_json(self) -> dict[str, Any]:
        return {
            "article": self.article, "path": self.path, "language": self.language, "state": self.state,
            "file": self.file, "translation": self.translation,
            "last_reviewed": self.last_reviewed.isoformat() if self.last_reviewed else None,
            "age_days": self.age_days, "review_due": self.review_due.isoformat() if self.review_due else None,
            "overdue": self.overdue, "recorded_hash": self.recorded_hash, "source_hash": self.source_hash,
            "differences": list(self.differences),
        }


@dataclass(frozen=True)
class Report:
    languages: tuple[str, ...]
    today: date
    policy: Policy
    pages: tuple[PageStatus, ...]
    findings: tuple[Finding, ...]

    def page(self, path: str, language: str) -> PageStatus | None:
        return self._by_page.get((path, language))

    @cached_property
    def _by_page(self) -> dict[tuple[str, str], PageStatus]:
        """(path, language) -> status, built once: every page of every language asks (a scan each was quadratic)."""
        index: dict[tuple[str, str], PageStatus] = {}
        for status in self.pages:
            index.setdefault((status.path, status.language), status)
        return index

    def counts(self) -> dict[str, int]:
        counts = {state: sum(p.state == state for p in self.pages) for state in STATES}
        counts["overdue"] = sum(p.overdue for p in self.pages if p.state != MISSING)
        return counts

    def as_json(self) -> dict[str, Any]:
        return {
            "generated": self.today.isoformat(),
            "default_language": self.languages[0],
            "languages": list(self.languages),
            "policy": {"review_days": self.policy.review_days, "review_strict": self.policy.review_strict,
                       "outdated_strict": self.policy.outdated_strict, "fallback_to_default": self.policy.fallback},
            "summary": self.counts(),
            "pages": [p.as_json() for p in self.pages],
        }


def build_report(articles: ArticleSet, policy: Policy, on: date) -> Report:
    """Status of every article in every language, and what to report about it."""
    default = articles.default
    findings: list[Finding] = []
    pages: list[PageStatus] = []
    originals = articles.by_language.get(default, {})
    for path in articles.paths():
        original = originals.get(path)
        if original is None:
            for language in articles.languages[1:]:
                stray = articles.get(language, path)
                if stray is not None and _sibling(stray, default) not in articles.unreadable:  # else its own error says why
                    findings.append(_error(stray, "id", f"this article has no original in the default language: '{_sibling(stray, default)}' does not exist, "
                                                        f"so the other languages have nothing to show. Write the original first "
                                                        f"(`make new-article`), or move this file to '{_sibling(stray, default)}'."))
            continue
        findings += _check_original(original)
        article_id = original.id or path
        pages.append(_status(article_id, path, default, ORIGINAL, original, original, policy, on, None))
        current_hash = original.source_hash()
        for language in articles.languages[1:]:
            translation = articles.get(language, path)
            if translation is None:
                if not policy.fallback:
                    findings.append(_error(original, "id", f"article '{article_id}' has no '{language}' translation ('{_sibling(original, language)}') "
                                                           f"and fallback_to_default is off, so the '{language}' site has no such page. "
                                                           f"Translate it (`make translate ID={article_id} IN={language}`) or switch fallback_to_default on in mkdocs.yml."))
                pages.append(_status(article_id, path, language, MISSING, original, None, policy, on, current_hash))
                continue
            if is_untranslated(translation):  # a skeleton from new-article: the site shows the original, as for a missing one
                pages.append(_status(article_id, path, language, MISSING, original, translation, policy, on, current_hash))
                continue
            findings += _check_translation(translation, original, article_id, current_hash, policy)
            differences = tuple(translation_differences(original, translation, articles))
            state = OUTDATED if translation.recorded_hash != current_hash else (DIVERGED if differences else CURRENT)
            if state == DIVERGED:
                findings.append(_diverged(translation, original, article_id, differences, policy))
            pages.append(replace(_status(article_id, path, language, state, translation, translation, policy, on, current_hash), differences=differences))
    findings += _review_findings(pages, articles, policy, on)
    findings += _duplicate_titles(articles)
    return Report(articles.languages, on, policy, tuple(pages), tuple(findings))


def _sibling(article: Article, language: str) -> str:
    """The same path in another language's folder."""
    parts = article.file.split("/")
    index = len(parts) - len(article.path.split("/")) - 1
    return "/".join(parts[:index] + [language] + parts[index + 1:])


def _error(article: Article, key: str, message: str) -> Finding:
    return Finding(ERROR, "Error", article.file, article.line(key), message)


def _check_original(original: Article) -> list[Finding]:
    if "source_hash" in original.meta:
        return [_error(original, "source_hash", "source_hash belongs in translations only: it records which version of this original a translation was made from. Remove this line.")]
    return []


def _check_translation(translation: Article, original: Article, article_id: str, current_hash: str, policy: Policy) -> list[Finding]:
    found: list[Finding] = []
    if translation.id is not None and translation.id != original.id:
        found.append(_error(translation, "id", f"id '{translation.id}' differs from the original's id '{original.id}' ('{original.file}'). "
                                               f"A translation keeps the original's id: write `id: {original.id}`."))
    recorded = translation.recorded_hash
    command = f"make mark-current ID={article_id} IN={translation.language}"
    if recorded is not None and not HASH.match(recorded):
        found.append(_error(translation, "source_hash", f"source_hash {recorded!r} was not written by the authoring command ({HASH_LENGTH} characters 0-9, a-f). "
                                                        f"Check the translation against '{original.file}', then run `{command}`."))
        return found
    level = WARNING if policy.outdated_strict else INFO
    if recorded is None:
        found.append(Finding(level, "Outdated translation", translation.file, translation.line("id"),
                             f"this translation does not record which version of '{original.file}' it was made from. "
                             f"Check it against the original, then run `{command}`."))
    elif recorded != current_hash:
        found.append(Finding(level, "Outdated translation", translation.file, translation.line("source_hash"),
                             f"'{original.file}' has changed since this translation was checked (source_hash {recorded}, the original is now {current_hash}). "
                             f"Update the translation (see what changed with `git log -p {original.file}`), then run `{command}`."))
    return found


def is_untranslated(article: Article) -> bool:
    """No text yet: the body holds nothing but comments and white space (new-article's skeleton)."""
    return not COMMENT.sub("", article.body).strip()


def _diverged(translation: Article, original: Article, article_id: str, differences: tuple[str, ...], policy: Policy) -> Finding:
    """Marked current, but not the same article: players get the outdated note until it matches."""
    return Finding(WARNING if policy.outdated_strict else INFO, "Diverged translation", translation.file, translation.line("source_hash"),
                   f"it is marked current but does not match '{original.file}' in structure: {'; '.join(differences)}. "
                   f"Bring it in line with the original (or the original with it), then run `make mark-current ID={article_id} IN={translation.language}`.")


def _status(article_id: str, path: str, language: str, state: str, shown: Article, own: Article | None, policy: Policy, on: date, current_hash: str | None) -> PageStatus:
    reviewed = shown.last_reviewed
    due = reviewed + timedelta(days=policy.review_days) if reviewed else None
    return PageStatus(
        article=article_id, path=path, language=language, state=state, file=shown.file,
        translation=own.file if own else None, last_reviewed=reviewed,
        age_days=(on - reviewed).days if reviewed else None, review_due=due, overdue=bool(due and on > due),
        recorded_hash=own.recorded_hash if own and state != ORIGINAL else None,
        source_hash=current_hash if state != ORIGINAL else shown.source_hash(),
    )


def _review_findings(pages: list[PageStatus], articles: ArticleSet, policy: Policy, on: date) -> list[Finding]:
    found: list[Finding] = []
    level = WARNING if policy.review_strict else INFO
    for page in pages:
        if page.state == MISSING or page.last_reviewed is None:
            continue  # a missing page shows the original, reported once for the original
        own = articles.get(page.language, page.path)
        assert own is not None
        if page.last_reviewed > on + timedelta(days=1):  # a day of slack for time zones
            found.append(_error(own, "last_reviewed", f"last_reviewed {page.last_reviewed.isoformat()} is in the future (today is {on.isoformat()}). "
                                                      f"Write the date the article was checked."))
        elif page.overdue:
            found.append(Finding(level, "Review overdue", own.file, own.line("last_reviewed"),
                                 f"last reviewed {page.last_reviewed.isoformat()}, {page.age_days} days ago; the policy is every {policy.review_days} days "
                                 f"(due {page.review_due.isoformat() if page.review_due else '?'}). Check that the article is still right, "
                                 f"then set last_reviewed to the day you checked it."))
    return found


def _duplicate_titles(articles: ArticleSet) -> list[Finding]:
    """Two pages of one language site with the same title confuse players picking from search or nav."""
    found: list[Finding] = []
    default = articles.default
    for language in articles.languages:
        shown: dict[str, Article] = dict(articles.by_language.get(default, {}))
        shown.update(articles.by_language.get(language, {}))
        seen: dict[str, Article] = {}
        for article in sorted(shown.values(), key=lambda a: (a.language != language, a.path)):
            if not article.title:
                continue
            key = " ".join(article.title.casefold().split())
            first = seen.get(key)
            if first is None:
                seen[key] = article
                continue
            if article.language != language and first.language != language:
                continue  # two originals: reported in the default language
            where = "" if article.language == language else f", which the '{language}' site shows until it is translated"
            found.append(_error(article, "title", f"title '{article.title}' is also the title of '{first.file}'{where}. "
                                                  f"Give each article its own title: players choose pages by their titles."))
    return found
