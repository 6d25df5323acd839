"""The demo's tables show its support.yml in each of its languages (the generator's tables: tests/build/test_data_tables.py)."""

from __future__ import annotations

import pytest

from tests.demo.helpers import LANGUAGES, article_path, support_yaml

DATA = support_yaml()


def _range_text(minutes: list[int]) -> str:
    low, high = minutes
    if high == 0:
        return ""
    if low % 60 == 0 and high % 60 == 0 and low > 0:
        low, high = low // 60, high // 60
    return f"{low}–{high}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_channel_table_shows_the_data(demo_build, language):
    page = demo_build.page(article_path(language, "contact-channels"))
    table = page.select_one('[data-support-table="channels"]')
    assert table is not None
    for channel in DATA["channels"]:
        row = table.select_one(f'tr[data-channel="{channel["id"]}"]')
        assert row is not None, channel["id"]
        text = row.get_text(" ", strip=True)
        assert channel["name"][language] in text
        assert channel["best_for"][language] in text
        assert _range_text(channel["first_reply_minutes"]) in text
        if isinstance(channel["hours"], list):
            for opening in channel["hours"]:
                assert f'{opening["open"]}–{opening["close"]}' in text
        contact = channel["contact"]
        href = row.select_one("a")["href"]
        if contact["type"] == "email":
            assert href == f'mailto:{contact["value"]}'
        elif contact["type"] == "phone":
            assert href == "tel:" + "".join(ch for ch in contact["value"] if ch.isdigit() or ch == "+")
        elif contact["type"] == "url":
            assert href == contact["value"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_targets_documents_and_escalation_tables_show_the_data(demo_build, language):
    targets = demo_build.page(article_path(language, "response-times")).select_one('[data-support-table="targets"]')
    for target in DATA["targets"]:
        text = targets.select_one(f'tr[data-target="{target["id"]}"]').get_text(" ", strip=True)
        assert target["name"][language] in text and target["meaning"][language] in text
        assert (_range_text(target["minutes"]) if "minutes" in target else str(target["percent_at_least"])) in text
    documents = demo_build.page(article_path(language, "required-documents")).select_one('[data-support-table="documents"]')
    assert [tr["data-document"] for tr in documents.select("tr[data-document]")] == [d["id"] for d in DATA["documents"]]
    for document in DATA["documents"]:
        text = documents.select_one(f'tr[data-document="{document["id"]}"]').get_text(" ", strip=True)
        assert document["name"][language] in text and document["description"][language] in text
    levels = demo_build.page(article_path(language, "escalation")).select_one('[data-support-table="escalation"]')
    assert [tr["data-level"] for tr in levels.select("tr[data-level]")] == [lv["id"] for lv in DATA["escalation"]]
    for level in DATA["escalation"]:
        text = levels.select_one(f'tr[data-level="{level["id"]}"]').get_text(" ", strip=True)
        assert level["name"][language] in text
        if "minutes" in level:
            assert _range_text(level["minutes"]) in text


def test_no_placeholder_is_left_unexpanded(demo_build):
    leftovers = [str(p.relative_to(demo_build.site)) for p in demo_build.site.rglob("*.html") if "{{" in p.read_text(encoding="utf-8")]
    assert not leftovers
