"""Policies from support.yml in the articles of a help center of its own (uz original, uk, de):
{{ policy:... }} and {{ table:<topic> }} in each language, escaped, and one clear error per mistake."""

from __future__ import annotations

import pytest
import yaml

from tests.own_site import OwnSite

NBSP = "\u00a0"
POLICIES = {
    "payout": {
        "columns": {"label": {"uz": "Usul", "uk": "Спосіб", "de": "Methode"},
                    "value": {"uz": "Muddat", "uk": "Строк", "de": "Dauer"},
                    "note": {"uz": "Izoh", "uk": "Примітка", "de": "Hinweis"}},
        "items": {
            "crypto": {"label": {"uz": "Kripto", "uk": "Крипто", "de": "Krypto"}, "minutes": [15, 45],
                       "note": {"uz": "<b>tez</b>", "uk": "*швидко*", "de": "schnell & sicher"}},
            "sepa": {"label": {"uz": "SEPA", "uk": "SEPA", "de": "SEPA"}, "business_days": [2, 5]},
            "check": {"weeks": 2},  # no label: not a row of the table
        },
    },
    "files": {"items": {
        "types": {"values": ["HEIC", "TIFF"], "join": "or"},
        "size": {"megabytes": 4},
        "pause": {"choices": [{"days": 3}, {"months": 2}]},
        "where": {"text": {"uz": "Menyu <script>x</script> [bu](x)", "uk": "Меню → Файли", "de": "Menü → Dateien"}},
        "org": {"link": {"url": "https://help.example.org/de?a=1&b=2", "name": {"uz": "Yordam", "uk": "Допомога", "de": "Hilfe"}}},
    }},
}
BODY = """Kutish: {{ policy:payout.sepa }}; tekshiruv {{ policy:payout.check }}.

Fayllar: {{ policy:files.types }}, {{ policy:files.size }}; tanaffus {{ policy:files.pause }}.

{{ policy:files.where }} — {{ policy:files.org }}

{{ table:payout }}
"""


def _site(root, policies=POLICIES, body=BODY, escalation_minutes=True) -> OwnSite:
    site = OwnSite(root)
    support = yaml.safe_load((root / "support.yml").read_text(encoding="utf-8"))
    support["policies"] = policies
    if not escalation_minutes:
        for level in support["escalation"]:
            level.pop("minutes", None)
        for problem in support["problems"]:
            problem["escalation"] = True  # the widget lists the levels
    site.write("support.yml", yaml.safe_dump(support, allow_unicode=True, sort_keys=False))
    site.article("uz", "payouts", "Toʻlovlar", body)
    site.article("uz", "questions", "Savollar", "Savol.\n")
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = _site(tmp_path_factory.mktemp("policies"))
    for language, title in (("uk", "Виплати"), ("de", "Auszahlungen")):
        site.article(language, "payouts", title, BODY)
    result = site.build()
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize(("language", "expected"), [
    # The generator has no interface texts in uz, uk or de: the units are its English defaults there
    # (in the plural form of the page's language), while Babel joins the lists in the page's own language.
    # A no-break space (~) between each number and its unit.
    ("uz", ["2–5~business days", "2~weeks", "4~MB", "HEIC yoki TIFF", "3~days va 2~months"]),
    ("uk", ["2–5~business days", "2~weeks", "4~MB", "HEIC або TIFF", "3~days і 2~months"]),
    ("de", ["2–5~business days", "2~weeks", "4~MB", "HEIC oder TIFF", "3~days und 2~months"]),
])
def test_inline_policies_read_in_the_pages_language(built, language, expected):
    prefix = "" if language == "uz" else f"{language}/"
    text = built.page(f"{prefix}payouts/").select_one("article").get_text()
    for value in expected:
        assert value.replace("~", NBSP) in text, (language, value)


def test_a_policy_table_lists_the_labelled_items_with_their_headings(built):
    table = built.page("de/payouts/").select_one('[data-support-table="payout"]')
    assert [th.get_text() for th in table.select("thead th")] == ["Methode", "Dauer", "Hinweis"]
    rows = {tr["data-policy"]: [cell.get_text() for cell in tr.select("th, td")] for tr in table.select("tr[data-policy]")}
    assert rows == {"crypto": ["Krypto", f"15–45{NBSP}minutes", "schnell & sicher"], "sepa": ["SEPA", f"2–5{NBSP}business days", ""]}


def test_policy_texts_are_escaped_and_markdown_inert(built):
    article = built.page("payouts/").select_one("article")
    assert article.select_one("script") is None and "<script>x</script> [bu](x)" in article.get_text()
    assert not [a for a in article.select("a") if a.get("href") == "x"]
    note = article.select_one('tr[data-policy="crypto"] td:last-child')
    assert note.get_text() == "<b>tez</b>" and note.select_one("b") is None
    uk_note = built.page("uk/payouts/").select_one('tr[data-policy="crypto"] td:last-child')
    assert uk_note.get_text() == "*швидко*" and uk_note.select_one("em") is None


def test_a_link_policy_is_a_link_with_its_name(built):
    link = next(a for a in built.page("uk/payouts/").select("article a") if "help.example.org" in a.get("href", ""))
    assert link["href"] == "https://help.example.org/de?a=1&b=2" and link.get_text() == "Допомога"


@pytest.mark.parametrize(("body", "message"), [
    ("Text.\n\n{{ policy:payout.sepaa }}\n", "line 10: {{ policy:payout.sepaa }}: support.yml has no policy 'payout.sepaa'. "
                                             "Policies of 'payout': payout.crypto, payout.sepa, payout.check."),
    ("{{ policy:payot.sepa }}\n", "line 8: {{ policy:payot.sepa }}: no policy topic 'payot' in support.yml. "
                                  "Write {{ policy:<topic>.<key> }} with a topic of `policies:`: payout, files."),
    ("{{ policy:payout }}\n", "line 8: {{ policy:payout }}: no policy topic 'payout' in support.yml."),
    ("{{ table:files }}\n", "line 8: {{ table:files }}: the policy topic 'files' has no `columns:` in support.yml."),
    ("{{ table:payouts }}\n", "line 8: {{ table:payouts }}: unknown 'payouts'. Use one of: channels, targets, documents, escalation, payout."),
])
def test_an_unknown_policy_is_one_error_naming_file_and_line(tmp_path, body, message):
    result = _site(tmp_path, body=body).build()
    assert result.returncode != 0
    assert f"Error in 'docs/uz/payouts.md', {message}" in result.output, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(("policies", "message"), [
    ({"p": {"items": {"a": {"hours": 2, "days": 3}}}}, "policies.p.items.a: give exactly one value (found hours, days)"),
    ({"p": {"items": {"a": {"label": {"uz": "A"}}}}}, "policies.p.items.a: give exactly one value (found none)"),
    ({"p": {"items": {"a": {"hours": [5, 2]}}}}, "policies.p.items.a.hours: [5, 2] runs backwards"),
    ({"p": {"items": {"a": {"hours": 2, "join": "or"}}}}, "policies.p.items.a.join: `join` says how a list reads"),
    ({"p": {"items": {"a": {"text": {"uz": "x", "uk": "y"}}}}}, "policies.p.items.a.text: no text for language 'de'"),
    ({"documents": {"items": {"a": {"hours": 2}}}}, "policies.documents: 'documents' is the name of a built-in table"),
    ({"p": {"items": {"a": {"link": {"url": "http://x.org"}}}}}, "policies.p.items.a.link.url: \"http://x.org\" is not a secure web address"),
    ({"p": {"items": {"a": {"hourz": 2}}}}, "policies.p.items.a: unknown key 'hourz'"),
])
def test_a_mistake_in_the_policies_names_its_line(tmp_path, policies, message):
    site = _site(tmp_path, policies=policies, body="Text.\n")
    result = site.build()
    assert result.returncode != 0
    lines = (tmp_path / "support.yml").read_text(encoding="utf-8").split("\n")
    line = next(i for i, text in enumerate(lines, start=1) if text.startswith("policies:"))
    shown = [row for row in result.output.split("\n") if message in row]
    assert shown, result.output
    assert "Error in 'support.yml', line " in shown[0] and int(shown[0].split("line ")[1].split(":")[0]) > line
    assert "Traceback" not in result.output


def test_escalation_levels_without_a_time_frame_show_none(tmp_path):
    site = _site(tmp_path, body="{{ table:escalation }}\n\n{{ widget:contact-router }}\n", escalation_minutes=False)
    result = site.build()
    assert result.returncode == 0, result.output
    page = result.page("payouts/")
    assert [th.get_text() for th in page.select('[data-support-table="escalation"] thead th')] == ["Level", "What they do"]
    levels = page.select("[data-contact-router] [data-level]")
    assert levels and not [li for li in levels if "·" in li.get_text()]


def test_a_time_frame_placeholder_for_a_level_without_one_is_an_error(tmp_path):
    result = _site(tmp_path, body="{{ timeframe:operator }}\n", escalation_minutes=False).build()
    assert result.returncode != 0
    assert ("Error in 'docs/uz/payouts.md', line 8: {{ timeframe:operator }}: the escalation level 'operator' has no time frame "
            "(`minutes:` in support.yml)") in result.output, result.output
