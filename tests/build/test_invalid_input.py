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
