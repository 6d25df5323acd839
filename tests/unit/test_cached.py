"""The whole-site article scan is read once per change, not once per hook."""

from __future__ import annotations

import os

from helpcenter import cached

ARTICLE = "---\nid: payments\ntitle: {title}\ndescription: D.\nlast_reviewed: 2026-11-20\n---\n\nText.\n"


def test_articles_are_read_once_and_again_after_an_edit(tmp_path):
    docs = tmp_path / "docs"
    for language in ("az", "en"):
        (docs / language).mkdir(parents=True)
        (docs / language / "payments.md").write_text(ARTICLE.format(title=f"Title {language}"), encoding="utf-8")
    first = cached.articles(str(tmp_path), str(docs), ("az", "en"))
    assert cached.articles(str(tmp_path), str(docs), ("az", "en")) is first
    edited = docs / "en" / "payments.md"
    edited.write_text(ARTICLE.format(title="Edited"), encoding="utf-8")
    stat = edited.stat()
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = cached.articles(str(tmp_path), str(docs), ("az", "en"))
    assert second is not first
    assert second.get("en", "payments.md").title == "Edited"
    (docs / "en" / "faq.md").write_text(ARTICLE.format(title="FAQ"), encoding="utf-8")
    assert cached.articles(str(tmp_path), str(docs), ("az", "en")).get("en", "faq.md") is not None
