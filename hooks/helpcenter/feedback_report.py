"""The team's feedback report: article votes, searches that found nothing, problem types chosen.

Reads the submissions of the two Netlify forms (article-feedback, search-signals) from a
Netlify Forms CSV export (one file per form, as the site's Forms tab downloads it) or from
the SQLite file the local production server writes.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

FEEDBACK_FORM, SIGNALS_FORM = "article-feedback", "search-signals"
REASONS = ("outdated", "unclear", "unanswered", "other")
# Netlify adds these to every export; they are never shown (a report needs no one's IP).
_TIME_COLUMNS = ("created_at", "Created at", "Date", "date")


class ReportError(Exception):
    """A source that cannot be read; the message names it and says what to do."""


@dataclass(frozen=True)
class Submission:
    form: str
    created_at: str  # ISO 8601, UTC
    data: dict[str, str]


def read_sqlite(path: Path) -> list[Submission]:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            rows = db.execute("SELECT form, created_at, data FROM submissions ORDER BY id").fetchall()
    except sqlite3.Error as e:
        raise ReportError(f"{path}: not a form store written by the production server ({e}).") from None
    return [Submission(form, created, json.loads(data)) for form, created, data in rows]


def _form_of(row: dict[str, str]) -> str | None:
    if row.get("form-name"):
        return row["form-name"]
    if "answer" in row and "article" in row:
        return FEEDBACK_FORM
    if "kind" in row:
        return SIGNALS_FORM
    return None


def read_csv(path: Path) -> list[Submission]:
    """A Netlify Forms export: a header row of field names (plus Netlify's own columns), one row per submission."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ReportError(f"{path}: cannot read the CSV export ({e}).") from None
    result = []
    for number, row in enumerate(rows, start=2):
        row = {k.strip(): (v or "") for k, v in row.items() if k}
        form = _form_of(row)
        if form is None:
            raise ReportError(f"{path}, line {number}: neither an article-feedback nor a search-signals submission "
                              "(no 'answer'/'article' or 'kind' column). Export those two forms from Netlify's Forms tab.")
        created = next((row[c] for c in _TIME_COLUMNS if row.get(c)), "")
        result.append(Submission(form, created, row))
    return result


def read_source(path: Path) -> list[Submission]:
    if not path.exists():
        raise ReportError(f"{path}: no such file. Give a Netlify CSV export or the form-submissions.sqlite of `make preview`.")
    if path.suffix.lower() == ".csv":
        return read_csv(path)
    return read_sqlite(path)


def build_report(submissions: list[Submission], top: int = 10, recent: int = 5) -> dict[str, object]:
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    reasons: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    comments: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    searches: dict[str, Counter[str]] = defaultdict(Counter)
    problems: dict[str, Counter[str]] = defaultdict(Counter)
    for s in submissions:
        d, language = s.data, s.data.get("language", "") or "?"
        if s.form == FEEDBACK_FORM and d.get("answer") in ("yes", "no") and d.get("article"):
            key = (d["article"], language)
            votes[key][d["answer"]] += 1
            if d["answer"] == "no" and d.get("reason"):
                reasons[key][d["reason"]] += 1
            if d.get("comment", "").strip():
                comments[key].append((s.created_at, d["comment"].strip()))
        elif s.form == SIGNALS_FORM and d.get("kind") == "no-results" and d.get("query", "").strip():
            searches[language][d["query"].strip()] += 1
        elif s.form == SIGNALS_FORM and d.get("kind") == "problem" and d.get("problem"):
            problems[language][d["problem"]] += 1
    articles = []
    for key in sorted(votes, key=lambda k: (-sum(votes[k].values()), k)):
        total = sum(votes[key].values())
        articles.append({
            "article": key[0], "language": key[1], "votes": total, "yes": votes[key]["yes"], "no": votes[key]["no"],
            "helpful_share": round(votes[key]["yes"] / total, 3),
            "reasons": dict(sorted(reasons[key].items(), key=lambda kv: (-kv[1], kv[0]))),
            "recent_comments": [{"at": at, "text": text} for at, text in sorted(comments[key], reverse=True)[:recent]],
        })
    return {
        "submissions": len(submissions),
        "articles": articles,
        "searches_without_results": {lang: [{"query": q, "count": n} for q, n in _top(c, top)] for lang, c in sorted(searches.items())},
        "problems_chosen": {lang: [{"problem": p, "count": n} for p, n in _top(c, top)] for lang, c in sorted(problems.items())},
    }


def _top(counter: Counter[str], n: int) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def format_report(report: dict[str, object]) -> str:
    lines = [f"{report['submissions']} submission(s).", "", "ARTICLES (votes, share helpful, reasons for \"no\")"]
    articles = report["articles"]
    assert isinstance(articles, list)
    if not articles:
        lines.append("  no votes yet")
    for a in articles:
        reasons = ", ".join(f"{r} {n}" for r, n in a["reasons"].items()) or "-"
        lines.append(f"  {a['article']} [{a['language']}]: {a['votes']} vote(s), {round(a['helpful_share'] * 100)}% helpful "
                     f"({a['yes']} yes, {a['no']} no); reasons: {reasons}")
        for c in a["recent_comments"]:
            lines.append(f"    {c['at'][:16].replace('T', ' ')}  \"{c['text']}\"")
    for title, key, field in (("SEARCHES WITHOUT RESULTS (top, per language)", "searches_without_results", "query"),
                              ("PROBLEM TYPES CHOSEN IN THE CONTACT WIDGET", "problems_chosen", "problem")):
        lines += ["", title]
        table = report[key]
        assert isinstance(table, dict)
        if not table:
            lines.append("  none yet")
        for language, rows in table.items():
            lines.append(f"  [{language}] " + ", ".join(f"{r[field]} ({r['count']})" for r in rows))
    return "\n".join(lines)
