"""Bad input fails the strict build with one clear message naming file and line."""

from __future__ import annotations

import re

import pytest

# (id, file, text to replace, replacement, what the message must say, line offset inside the replacement)
DATA_CASES = [
    ("yaml-syntax", "support.yml", "timezone: Asia/Baku", "timezone: Asia/Baku: Europe", "YAML syntax error", 0),
    ("wrong-type", "support.yml", "first_reply_minutes: [1, 5]", 'first_reply_minutes: "fast"', "channels[0].first_reply_minutes: expected a list", 0),
    ("unknown-channel", "support.yml", "channels: [chat, phone, email]", "channels: [chat, telegram, email]", "problems[0].channels[1]: unknown channel 'telegram'", 0),
    ("unknown-document", "support.yml", "documents: [identity-document]\n", "documents: [passport]\n", "problems[1].documents[0]: unknown document 'passport'", 0),
    ("bad-time", "support.yml", 'open: "09:00", close: "18:00"', 'open: "09:00", close: "25:00"', "channels[2].hours[0].close: \"25:00\" is not a time as HH:MM", 0),
    ("reversed-hours", "support.yml", 'open: "10:00", close: "15:00"', 'open: "15:00", close: "10:00"', "channels[2].hours[1]: closes at 10:00, not after it opens at 15:00", 0),
    ("overlapping-hours", "support.yml", '{days: [sat], open: "10:00", close: "15:00"}',
     '{days: [sat], open: "10:00", close: "15:00"}\n      - {days: [fri], open: "17:00", close: "20:00"}', "channels[2].hours[2]: overlaps hours[0] on fri", 1),
    ("invalid-email", "support.yml", '"support@lumora.example"', '"support-at-lumora"', "channels[1].contact.value: 'support-at-lumora' is not an email address", 0),
    ("invalid-phone", "support.yml", '"+994 12 555 01 00"', '"012 555"', "channels[2].contact.value: '012 555' is not an international phone number", 0),
    ("missing-translation", "support.yml", ", tr: Hesabıma giriş yapamıyorum}", "}", "problems[0].label: no text for language 'tr'", 0),
    ("duplicate-id", "support.yml", "  - id: payment-proof", "  - id: identity-document", "documents[1].id: id 'identity-document' is already used by documents[0]", 0),
    ("unknown-article", "support.yml", "article: account-access", "article: account-acess", "problems[0].article: no article has id 'account-acess'", 0),
    ("unknown-timezone", "support.yml", "timezone: Asia/Baku", "timezone: Asia/Bakuu", "timezone: 'Asia/Bakuu' is not a known time zone", 0),
    ("unknown-key", "support.yml", "    first_reply_minutes: [2, 15]", "    first_reply_mins: [2, 15]", "unknown key 'first_reply_mins'", 0),
]


def _assert_clear_failure(result, file: str, line: int, expected: str) -> None:
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    errors = [row for row in result.output.splitlines() if row.startswith("ERROR")]
    assert errors, result.output
    pattern = re.escape(f"Error in '{file}', line {line}: ")
    assert any(re.search(pattern, row) and expected in row for row in errors), (expected, line, errors)


@pytest.mark.parametrize(("case", "file", "old", "new", "expected", "offset"), DATA_CASES, ids=[c[0] for c in DATA_CASES])
def test_bad_support_data_fails_with_file_and_line(project, case, file, old, new, expected, offset):
    line = project.replace(file, old, new) + offset
    _assert_clear_failure(project.build(), file, line, expected)


ARTICLE_CASES = [
    ("unknown-problem", "docs/en/payments.md", "problems: [withdrawal", "problems: [refund, withdrawal", "unknown problem type 'refund'"),
    ("bad-date", "docs/en/faq.md", "last_reviewed: 2026-11-20", "last_reviewed: last week", "last_reviewed 'last week' is not a date"),
    ("duplicate-article-id", "docs/en/faq.md", "id: faq", "id: payments", "id 'payments' is already used by"),
    ("unknown-placeholder", "docs/en/contact-channels.md", "{{ table:channels }}", "{{ table:chanels }}", "unknown 'chanels'"),
    ("unknown-article-id", "docs/ru/faq.md", "id: faq", "id: faq-ru", "no 'az' article has id 'faq-ru'"),
    ("typo-in-front-matter", "docs/en/faq.md", "last_reviewed:", "last_reveiwed:", "unknown front matter key 'last_reveiwed'"),
]


@pytest.mark.parametrize(("case", "file", "old", "new", "expected"), ARTICLE_CASES, ids=[c[0] for c in ARTICLE_CASES])
def test_bad_article_fails_with_file_and_line(project, case, file, old, new, expected):
    line = project.replace(file, old, new)
    _assert_clear_failure(project.build(), file, line, expected)


def test_missing_front_matter_field_names_the_file(project):
    text = project.read("docs/en/escalation.md")
    project.write("docs/en/escalation.md", re.sub(r"(?m)^description:.*\n", "", text, count=1))
    _assert_clear_failure(project.build(), "docs/en/escalation.md", 1, "front matter has no 'description'")


# Content checks across files and languages. Each case edits the project copy and returns
# (file, line, kind, what the message must say); kind is how the line starts after "helpcenter: ".
def _line(project, relative: str, starts: str) -> int:
    lines = project.read(relative).split("\n")
    return next(number for number, text in enumerate(lines, start=1) if text.startswith(starts))


def _stale_hash(project):
    project.replace("mkdocs.yml", "outdated_strict: false", "outdated_strict: true")
    project.replace("docs/az/payments.md", "## Depozit balansa düşməyib", "## Depozit balansınıza düşməyib")
    return "docs/en/payments.md", _line(project, "docs/en/payments.md", "source_hash:"), "Outdated translation", "'docs/az/payments.md' has changed since this translation was checked"


def _only_in_en(project):
    project.write("docs/en/bonus-rules.md", "---\nid: bonus-rules\ntitle: Bonus rules\ndescription: How bonuses work.\nlast_reviewed: 2026-11-20\n---\n\nText.\n")
    return "docs/en/bonus-rules.md", 2, "Error", "this article has no original in the default language: 'docs/az/bonus-rules.md' does not exist"


def _broken_link(project):
    line = project.replace("docs/ru/payments.md", "(required-documents.md)", "(required-document.md)")
    return "docs/ru/payments.md", line, "Error", "link 'required-document.md' leads to no article"


def _broken_anchor(project):
    line = project.replace("docs/tr/faq.md", "(escalation.md)", "(escalation.md#itiraz)")
    return "docs/tr/faq.md", line, "Error", "link 'escalation.md#itiraz' points to '#itiraz', a heading that 'docs/tr/escalation.md' does not have"


def _anchor_on_untranslated_page(project):
    # The Azerbaijani original links to an Azerbaijani heading; the English site shows it untranslated,
    # so the link leads to the English account-access page, whose headings differ.
    (project.root / "docs/en/payments.md").unlink()
    line = project.replace("docs/az/payments.md", "(disputes-evidence.md)", "(account-access.md#hesabınız-bloklanıb)")
    return "docs/az/payments.md", line, "Error", "a heading that 'docs/en/account-access.md' does not have. The 'en' site shows this page untranslated"


def _link_into_other_language(project):
    line = project.replace("docs/en/payments.md", "(escalation.md)", "(../ru/escalation.md)")
    return "docs/en/payments.md", line, "Error", "link '../ru/escalation.md' leads into the 'ru' site. Link to the page in this language instead ('escalation.md')"


def _absolute_link_into_other_language(project):
    line = project.replace("docs/tr/faq.md", "(contact.md)", "(/en/contact/)")
    return "docs/tr/faq.md", line, "Error", "link '/en/contact/' leads into the 'en' site"


def _duplicate_title(project):
    line = project.replace("docs/ru/faq.md", 'title: "Частые вопросы"', f"title: {_title(project, 'docs/ru/contact.md')}")
    return "docs/ru/faq.md", line, "Error", "is also the title of 'docs/ru/contact.md'"


def _title(project, relative: str) -> str:
    return next(text for text in project.read(relative).split("\n") if text.startswith("title:")).split(":", 1)[1].strip()


def _hand_written_hash(project):
    line = _line(project, "docs/tr/faq.md", "source_hash:")
    project.replace("docs/tr/faq.md", project.read("docs/tr/faq.md").split("\n")[line - 1], "source_hash: done")
    return "docs/tr/faq.md", line, "Error", "source_hash 'done' was not written by the authoring command"


def _hash_in_original(project):
    line = project.replace("docs/az/faq.md", "last_reviewed: 2026-11-20", "last_reviewed: 2026-11-20\nsource_hash: 0123456789ab") + 1
    return "docs/az/faq.md", line, "Error", "source_hash belongs in translations only"


def _translation_with_other_id(project):
    line = project.replace("docs/tr/faq.md", "id: faq", "id: sss")
    return "docs/tr/faq.md", line, "Error", "id 'sss' differs from the original's id 'faq'"


def _missing_without_fallback(project):
    project.replace("mkdocs.yml", "plugins:\n  i18n:\n", "plugins:\n  i18n:\n    fallback_to_default: false\n")  # over the generator's true
    (project.root / "docs/ru/service-quality.md").unlink()
    return "docs/az/service-quality.md", 2, "Error", "article 'service-quality' has no 'ru' translation ('docs/ru/service-quality.md') and fallback_to_default is off"


def _overdue_review_strict(project):
    project.replace("mkdocs.yml", "review_strict: false", "review_strict: true")
    line = project.replace("docs/en/faq.md", "last_reviewed: 2026-11-20", "last_reviewed: 2025-01-15")
    return "docs/en/faq.md", line, "Review overdue", "last reviewed 2025-01-15, 686 days ago; the policy is every 180 days"


def _review_in_future(project):
    line = project.replace("docs/ru/faq.md", "last_reviewed: 2026-11-20", "last_reviewed: 2062-11-20")
    return "docs/ru/faq.md", line, "Error", "last_reviewed 2062-11-20 is in the future (today is 2026-12-02)"


def _no_front_matter(project):
    text = project.read("docs/en/escalation.md")
    project.write("docs/en/escalation.md", text.split("---", 2)[2].lstrip())
    return "docs/en/escalation.md", 1, "Error", "no front matter. Start the file with a `---` line"


CONTENT_CASES = [
    _stale_hash, _only_in_en, _broken_link, _broken_anchor, _anchor_on_untranslated_page, _link_into_other_language,
    _absolute_link_into_other_language, _duplicate_title, _hand_written_hash, _hash_in_original, _translation_with_other_id,
    _missing_without_fallback, _overdue_review_strict, _review_in_future, _no_front_matter,
]


@pytest.mark.parametrize("case", CONTENT_CASES, ids=[c.__name__.strip("_").replace("_", "-") for c in CONTENT_CASES])
def test_bad_content_fails_with_file_and_line(project, monkeypatch, case):
    monkeypatch.setenv("HELPCENTER_TODAY", "2026-12-02")
    file, line, kind, expected = case(project)
    result = project.build()
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    level = "ERROR" if kind == "Error" else "WARNING"
    rows = [row for row in result.output.splitlines() if row.startswith(level)]
    head = f"helpcenter: {kind} in '{file}', line {line}: "
    assert any(head in row and expected in row and row.rstrip().endswith(".") for row in rows), (head, expected, rows)
