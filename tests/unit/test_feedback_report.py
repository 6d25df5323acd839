"""`helpcenter feedback`: the report from Netlify CSV exports and from the local SQLite store."""

from __future__ import annotations

import json
import subprocess
import sys

from production_server.forms import FormStore
from tests.helpers import REPO

FIXTURES = REPO / "tests" / "fixtures"
EXPORTS = [FIXTURES / "netlify-article-feedback.csv", FIXTURES / "netlify-search-signals.csv"]


def feedback(*args: str, cwd=REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helpcenter", "feedback", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"}, timeout=60)


def test_it_reads_netlify_csv_exports_as_json():
    done = feedback(*map(str, EXPORTS), "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["submissions"] == 8
    refunds_de = next(a for a in report["articles"] if (a["article"], a["language"]) == ("refunds", "de"))
    assert refunds_de == {"article": "refunds", "language": "de", "votes": 2, "yes": 1, "no": 1, "helpful_share": 0.5,
                          "reasons": {"outdated": 1},
                          "recent_comments": [{"at": "2027-03-02T10:15:00.000Z", "text": "Die Frist stimmt nicht mehr, bitte prüfen"}]}
    assert report["searches_without_results"] == {"de": [{"query": "gutschein", "count": 2}], "fr": [{"query": "bon d achat", "count": 1}]}
    assert report["problems_chosen"] == {"de": [{"problem": "refund", "count": 1}]}
    assert "203.0.113" not in done.stdout  # Netlify's IP column never reaches the report


def test_the_text_report_names_each_article_and_language():
    done = feedback(*map(str, EXPORTS))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "  refunds [de]: 2 vote(s), 50% helpful (1 yes, 1 no); reasons: outdated 1" in lines
    assert "  refunds [fr]: 1 vote(s), 0% helpful (0 yes, 1 no); reasons: unclear 1" in lines
    assert "  [de] gutschein (2)" in lines


def test_it_reads_the_local_store_by_default(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    store = FormStore(tmp_path / "form-submissions.sqlite")
    store.add("article-feedback", {"article": "login", "language": "fr", "answer": "yes"})
    store.add("search-signals", {"kind": "no-results", "query": "mot de passe", "language": "fr"})
    done = feedback("--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [(a["article"], a["votes"], a["helpful_share"]) for a in report["articles"]] == [("login", 1, 1.0)]
    assert report["searches_without_results"] == {"fr": [{"query": "mot de passe", "count": 1}]}


def test_a_file_that_is_not_an_export_gets_one_clear_error(tmp_path):
    bad = tmp_path / "contacts.csv"
    bad.write_text("name,email\nAna,ana@example.com\n", encoding="utf-8")
    done = feedback(str(bad))
    assert done.returncode == 2
    assert done.stderr == (f"error: {bad}, line 2: neither an article-feedback nor a search-signals submission (no 'answer'/'article' "
                           "or 'kind' column). Export those two forms from Netlify's Forms tab.\n")
