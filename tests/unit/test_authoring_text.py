"""Front matter written by the authoring commands reads back exactly; edits keep every other line."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from helpcenter.authoring import _set_key, front_matter


@pytest.mark.parametrize("title", ['Depozit: "limitlər"', "# not a comment", "yes", "1.5", "Ödəniş \\ və ya ' kart", "[x]"])
def test_front_matter_round_trips(title):
    text = front_matter("deposit-limits", title, "Bir cümlə: izah.", date(2026, 11, 26), ["deposit"], "012345678901")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta == {"id": "deposit-limits", "title": title, "description": "Bir cümlə: izah.", "last_reviewed": date(2026, 11, 26),
                    "problems": ["deposit"], "source_hash": "012345678901"}


def test_set_key_replaces_or_inserts_and_keeps_the_rest():
    text = "---\nid: faq\n# a comment\nlast_reviewed: 2026-11-20\n---\n\nsource_hash: in the body\n"
    replaced = _set_key(text, "last_reviewed", "2026-11-26")
    assert replaced == text.replace("2026-11-20", "2026-11-26")
    inserted = _set_key(replaced, "source_hash", '"000000000001"')
    assert inserted == "---\nid: faq\n# a comment\nlast_reviewed: 2026-11-26\nsource_hash: \"000000000001\"\n---\n\nsource_hash: in the body\n"
    assert yaml.safe_load(inserted.split("---")[1])["source_hash"] == "000000000001"
