"""Netlify Forms, locally: the forms found in the built HTML, and a SQLite store for their posts.

As Netlify does at deploy, forms are detected in the published HTML (`data-netlify="true"`
or `netlify`); a post is accepted only for a detected form, keeps only that form's fields,
and is dropped silently when its honeypot field is filled. The store lives outside the
publish folder, so nothing players send is ever published.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

MAX_VALUE = 5000  # characters kept per field (the comment box allows 500)
STORE_NAME = "form-submissions.sqlite"


@dataclass
class FormSpec:
    name: str
    action: str | None
    honeypot: str | None
    fields: set[str] = field(default_factory=set)


class _FormFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[FormSpec] = []
        self.current: FormSpec | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("data-netlify") == "true" or "netlify" in a) and a.get("name"):
            self.current = FormSpec(a["name"] or "", a.get("action") or None, a.get("netlify-honeypot"))
            self.forms.append(self.current)
        elif self.current and tag in ("input", "textarea", "select", "button") and a.get("name"):
            self.current.fields.add(a["name"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None


def detect_forms(site_root: Path) -> dict[str, FormSpec]:
    """Every Netlify form in the site's HTML by name; fields are merged across pages."""
    found: dict[str, FormSpec] = {}
    for folder, _, names in os.walk(site_root):
        for name in names:
            if not name.endswith(".html"):
                continue
            text = Path(folder, name).read_text(encoding="utf-8", errors="replace")
            if "netlify" not in text:
                continue
            finder = _FormFinder()
            finder.feed(text)
            for spec in finder.forms:
                known = found.setdefault(spec.name, FormSpec(spec.name, spec.action, spec.honeypot))
                known.fields |= spec.fields
    return found


def clean_submission(spec: FormSpec, pairs: list[tuple[str, str]]) -> dict[str, str] | None:
    """The fields to store, or None for spam (honeypot filled)."""
    data = dict(pairs)
    if spec.honeypot and data.get(spec.honeypot, "").strip():
        return None
    dropped = {"form-name", spec.honeypot}
    return {k: v[:MAX_VALUE] for k, v in data.items() if k in spec.fields and k not in dropped}


class FormStore:
    """Submissions in one SQLite file: (id, form, created_at UTC ISO, data JSON)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS submissions (id INTEGER PRIMARY KEY, form TEXT NOT NULL, "
                       "created_at TEXT NOT NULL, data TEXT NOT NULL)")

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite3.connect(self.path)

    def add(self, form: str, data: dict[str, str]) -> None:
        created = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        with self._lock, self._connect() as db:
            db.execute("INSERT INTO submissions (form, created_at, data) VALUES (?, ?, ?)", (form, created, json.dumps(data, ensure_ascii=False)))

    def all(self) -> list[tuple[str, str, dict[str, str]]]:
        with self._connect() as db:
            return [(form, created, json.loads(data)) for form, created, data in db.execute("SELECT form, created_at, data FROM submissions ORDER BY id")]
