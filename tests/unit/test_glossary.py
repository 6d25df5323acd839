"""Glossary matching and validation as pure functions."""

from __future__ import annotations

import pytest

from helpcenter.glossary import Entry, Glossary, GlossaryError, check_text, find_terms, load_glossary, prose


def _found(text: str, language: str, term: str, avoid: tuple[str, ...], whole_word: bool = False) -> list[str]:
    return [m.text for m in find_terms(text, language, [Entry(language, term, avoid, whole_word=whole_word)])]


@pytest.mark.parametrize(("text", "language", "term", "avoid", "expected"), [
    ("Pul çıxarışının statusu; bank çıxarışı", "az", "pulun çıxarılması", ("pul çıxarış",), ["Pul çıxarışının"]),
    ("İSTİFADƏÇİ MƏMNUNİYYƏTİ", "az", "oyunçu məmnuniyyəti", ("istifadəçi məmnuniyyət",), ["İSTİFADƏÇİ MƏMNUNİYYƏTİ"]),
    ("KIRMIZI", "tr", "al", ("kırmızı",), ["KIRMIZI"]),  # Turkish dotless I
    ("KIRMIZI", "tr", "al", ("kirmizi",), []),  # ... is not a dotted i
    ("Attach proof of payment method, not a proof of payment.", "en", "proof of payment method", ("proof of payment",), ["proof of payment"]),
    ("подтверждения\nплатежей", "ru", "подтверждение способа оплаты", ("подтвержден платеж",), ["подтверждения\nплатежей"]),
    ("repay", "en", "x", ("pay",), []),  # a form starts a word
    ("payments", "en", "x", ("payment",), ["payments"]),
    ("payments", "en", "x", ("payment",), []),
])
def test_forms_match_case_insensitively_as_word_starts(text, language, term, avoid, expected):
    whole = text == "payments" and expected == []
    assert _found(text, language, term, avoid, whole_word=whole) == expected


def test_findings_count_lines_from_the_first():
    glossary = Glossary((Entry("en", "withdrawal", ("cashout",), "the menu's word"),))
    findings = check_text(glossary, "one\ntwo Cashout\nthree", "en", "docs/en/a.md", 7)
    assert [str(f) for f in findings] == ["Glossary in 'docs/en/a.md', line 8: \"Cashout\": write \"withdrawal\" (the menu's word)."]
    assert check_text(glossary, "cashout", "de", "docs/de/a.md", 1) == []  # each language its own vocabulary


def test_code_links_and_placeholders_are_not_prose():
    text = prose("a `cashout` b [c](cashout.md) {{ contact:cashout }} <!-- cashout -->\n```\ncashout\n```\ncashout")
    assert text.count("cashout") == 1 and text.count("\n") == 4


def test_validation_names_each_mistake_and_its_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("en:\n  - term: withdrawal\n    avoid: [cashout]\n  - term: x\n  - avoid: [y]\n  - term: z\n    avoid: [Z]\n    colour: red\nfr:\n  - term: a\n    avoid: [b]\n", encoding="utf-8")
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path, ("de", "en"))
    assert [str(e) for e in raised.value.errors] == [
        "Error in 'glossary.yml', line 4: en[1]: `avoid:` must list the forms to avoid, e.g. `avoid: [x ..., ...]`.",
        "Error in 'glossary.yml', line 5: en[2]: `term:` (the preferred term) is missing or empty.",
        "Error in 'glossary.yml', line 8: en[3]: unknown key 'colour'. An entry has avoid, note, term, whole_word.",
        "Error in 'glossary.yml', line 7: en[3]: 'Z' is the preferred term itself; remove it from `avoid:`.",
        "Error in 'glossary.yml', line 9: 'fr' is not a site language (de, en). Use a language code from mkdocs.yml.",
    ]
    path.write_text("en:\n  - term: withdrawal\n    avoid: cashout\n", encoding="utf-8")
    assert load_glossary(path, ("de", "en")).entries[0].avoid == ("cashout",)
