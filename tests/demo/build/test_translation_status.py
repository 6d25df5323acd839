"""The demo's own translations: all current once issue 14 is done (the generator's translation status:
tests/build/test_translation_status.py)."""

from __future__ import annotations

import json

from tests.demo.helpers import LANGUAGES, article_path


def _note(page):
    return page.select_one("article .hc-translation-note")


def test_demo_translations_are_all_current(demo_build):
    report = json.loads((demo_build.site / "translation-status.json").read_text(encoding="utf-8"))
    diverged = {p["translation"]: p["differences"] for p in report["pages"] if p["state"] == "diverged"}
    assert not diverged, "\n".join(f"{file}: {'; '.join(found)}" for file, found in diverged.items())
    assert {p["state"] for p in report["pages"] if p["language"] != "az"} == {"current"}
    assert {p["state"] for p in report["pages"] if p["language"] == "az"} == {"original"}
    for language in LANGUAGES:
        assert _note(demo_build.page(article_path(language, "payments"))) is None
