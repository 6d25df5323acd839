"""Source hashes, translation states and review dates as pure functions."""

from __future__ import annotations

from datetime import date

import pytest

from helpcenter.articles import ArticleSet, read_article, source_hash
from helpcenter.build_date import today
from helpcenter.translation_status import CURRENT, DIVERGED, ERROR, INFO, MISSING, ORIGINAL, OUTDATED, WARNING, Policy, build_report, policy_from

BODY = "Intro line.\n\n## Heading\n\nText with {{ reply:chat }}.\n"
ON = date(2026, 11, 26)


def article(language: str, path: str, meta: str, body: str = BODY):
    text = f"---\n{meta}\n---\n\n{body}"
    return read_article(text, language, path, f"docs/{language}/{path}")


def original(reviewed: str = "2026-11-20", body: str = BODY, title: str = "Ödənişlər"):
    return article("az", "payments.md", f"id: payments\ntitle: {title}\ndescription: Haqqında.\nlast_reviewed: {reviewed}", body)


def translation(language: str, recorded: str | None, reviewed: str = "2026-11-20", article_id: str = "payments", title: str | None = None):
    meta = f"id: {article_id}\ntitle: {title or 'Payments ' + language}\ndescription: About.\nlast_reviewed: {reviewed}"
    if recorded is not None:
        meta += f'\nsource_hash: "{recorded}"'
    return article(language, "payments.md", meta, f"Translated into {language}.\n\n## Heading {language}\n\nText {{{{ reply:chat }}}}.\n")


def site(*articles) -> ArticleSet:
    languages = ("az", "en", "ru", "tr")
    by_language = {language: {} for language in languages}
    for item in articles:
        by_language[item.language][item.path] = item
    return ArticleSet(languages, by_language)


@pytest.mark.parametrize(("change", "changes_hash"), [
    (lambda t, d, b: (t, d, b + "\n\n\n"), False),  # trailing blank lines
    (lambda t, d, b: (t, d, b.replace("\n", "   \n")), False),  # trailing spaces
    (lambda t, d, b: (t, d, b.replace("\n\n", "\n\n\n")), False),  # more blank lines between paragraphs
    (lambda t, d, b: (t, d, b.replace("\n", "\r\n")), False),  # Windows line ends
    (lambda t, d, b: (t.replace("Ö", "O\u0308"), d, b), False),  # the same letter, decomposed (NFD)
    (lambda t, d, b: (t, d, b.replace("Intro", "Intro,")), True),
    (lambda t, d, b: (t + "!", d, b), True),
    (lambda t, d, b: (t, d + " More.", b), True),
    (lambda t, d, b: (t, d, b.replace("{{ reply:chat }}", "{{ reply:email }}")), True),
    (lambda t, d, b: (t, d, b.replace("A. B", "A.\nB")), True),  # a line break can change the structure (lists, headings)
])
def test_source_hash_ignores_layout_but_not_text(change, changes_hash):
    title, description, body = "Ödənişlər", "Haqqında.", "Intro ə.\n\n## Heading\n\nA. B {{ reply:chat }}\n"
    assert (source_hash(*change(title, description, body)) != source_hash(title, description, body)) is changes_hash


def test_source_hash_is_short_hex_and_ignores_review_date():
    first, second = original("2026-11-20"), original("2026-12-01")
    assert first.source_hash() == second.source_hash()
    assert len(first.source_hash()) == 12 and int(first.source_hash(), 16) >= 0


def test_each_state():
    source = original()
    current = source.source_hash()
    report = build_report(site(source, translation("en", current), translation("ru", "0" * 12)), Policy(), ON)
    assert [(p.language, p.state) for p in report.pages] == [("az", ORIGINAL), ("en", CURRENT), ("ru", OUTDATED), ("tr", MISSING)]
    missing = report.page("payments.md", "tr")
    assert missing.file == "docs/az/payments.md" and missing.translation is None
    outdated = report.page("payments.md", "ru")
    assert outdated.recorded_hash == "0" * 12 and outdated.source_hash == current
    assert [(f.level, f.kind, f.file, f.line) for f in report.findings] == [(INFO, "Outdated translation", "docs/ru/payments.md", 6)]
    assert report.counts() == {"original": 1, "current": 1, "outdated": 1, "diverged": 0, "missing": 1, "overdue": 0}


def test_marked_current_but_another_structure_is_diverged():
    source = original()
    changed = read_article(f"---\nid: payments\ntitle: P\ndescription: A.\nlast_reviewed: 2026-11-20\nsource_hash: \"{source.source_hash()}\"\n---\n\nIntro.\n",
                           "en", "payments.md", "docs/en/payments.md")
    report = build_report(site(source, changed), Policy(), ON)
    page = report.page("payments.md", "en")
    assert page.state == DIVERGED and page.as_json()["differences"] == list(page.differences)
    assert page.differences == ("headings: 1 heading (1 at level 2) in az, 0 headings in en", "placeholder {{ reply:chat }} is in az only")
    assert [(f.level, f.kind, f.line) for f in report.findings] == [(INFO, "Diverged translation", 6)]
    assert report.counts()["diverged"] == 1
    assert [f.level for f in build_report(site(source, changed), Policy(outdated_strict=True), ON).findings] == [WARNING]


def test_outdated_policy_strict_makes_it_a_warning():
    report = build_report(site(original(), translation("en", "0" * 12)), Policy(outdated_strict=True), ON)
    assert [(f.level, f.kind) for f in report.findings] == [(WARNING, "Outdated translation")]


def test_translation_without_hash_is_outdated():
    report = build_report(site(original(), translation("en", None)), Policy(), ON)
    assert report.page("payments.md", "en").state == OUTDATED
    assert "does not record which version" in report.findings[0].message


@pytest.mark.parametrize(("reviewed", "days", "strict", "expected"), [
    ("2026-11-20", 180, False, None),
    ("2026-05-30", 180, False, None),  # due 2026-11-26: today is still fine
    ("2026-05-29", 180, False, INFO),  # due 2026-11-25: overdue
    ("2026-05-29", 180, True, WARNING),
    ("2026-10-01", 30, False, INFO),
    ("2026-11-27", 180, False, None),  # tomorrow: a time zone ahead, accepted
    ("2026-11-28", 180, False, ERROR),  # in the future: a typo
])
def test_review_policy(reviewed, days, strict, expected):
    report = build_report(site(original(reviewed)), Policy(review_days=days, review_strict=strict), ON)
    levels = [f.level for f in report.findings]
    assert levels == ([expected] if expected else [])


def test_review_age_and_due_date():
    page = build_report(site(original("2026-01-01")), Policy(), ON).page("payments.md", "az")
    assert (page.age_days, page.review_due, page.overdue) == (329, date(2026, 6, 30), True)


def test_missing_with_fallback_off_is_an_error():
    report = build_report(site(original()), Policy(fallback=False), ON)
    errors = [f for f in report.findings if f.level == ERROR]
    assert len(errors) == 3 and all(f.file == "docs/az/payments.md" and f.line == 2 for f in errors)


def test_article_only_in_a_translation_is_an_error():
    stray = article("en", "bonus.md", "id: bonus\ntitle: Bonus\ndescription: D.\nlast_reviewed: 2026-11-20")
    report = build_report(site(original(), stray), Policy(), ON)
    assert [(f.level, f.file, f.line) for f in report.findings] == [(ERROR, "docs/en/bonus.md", 2)]
    assert "'docs/az/bonus.md' does not exist" in report.findings[0].message
    assert all(p.path != "bonus.md" for p in report.pages)


def test_translation_must_keep_the_original_id_and_hash_format():
    report = build_report(site(original(), translation("en", "abc", article_id="pay")), Policy(), ON)
    messages = [(f.level, f.line, f.message.split(".")[0]) for f in report.findings]
    assert (ERROR, 2, "id 'pay' differs from the original's id 'payments' ('docs/az/payments") in messages
    assert any(level == ERROR and line == 6 and "source_hash 'abc'" in text for level, line, text in messages)


def test_duplicate_titles_within_one_language():
    other = article("en", "faq.md", "id: faq\ntitle: Payments  EN\ndescription: D.\nlast_reviewed: 2026-11-20")
    faq = article("az", "faq.md", "id: faq\ntitle: Suallar\ndescription: D.\nlast_reviewed: 2026-11-20")
    report = build_report(site(original(), faq, translation("en", None, title="payments en"), other), Policy(), ON)
    errors = [f for f in report.findings if f.level == ERROR]
    assert [(f.file, f.line) for f in errors] == [("docs/en/payments.md", 3)]
    assert "is also the title of 'docs/en/faq.md'" in errors[0].message


def test_untranslated_page_with_a_translated_pages_title():
    faq = article("az", "faq.md", "id: faq\ntitle: FAQ\ndescription: D.\nlast_reviewed: 2026-11-20")
    report = build_report(site(original(), faq, translation("ru", None, title="FAQ")), Policy(), ON)
    errors = [str(f) for f in report.findings if f.level == ERROR]
    assert errors == ["Error in 'docs/az/faq.md', line 3: title 'FAQ' is also the title of 'docs/ru/payments.md', which the 'ru' site shows "
                      "until it is translated. Give each article its own title: players choose pages by their titles."]


@pytest.mark.parametrize(("settings", "problem"), [
    ({"review_days": "half a year"}, "review_days"),
    ({"review_days": 0}, "review_days"),
    ({"review_strict": "yes"}, "review_strict"),
    ({"outdated_strict": 1}, "outdated_strict"),
])
def test_policy_settings_are_checked(settings, problem):
    policy, problems = policy_from(settings, True)
    assert len(problems) == 1 and problem in problems[0]
    assert policy == Policy()


def test_policy_defaults_and_today():
    assert policy_from(None, False) == (Policy(fallback=False), [])
    assert today({"HELPCENTER_TODAY": "2027-01-02"}) == date(2027, 1, 2)
    with pytest.raises(ValueError, match="not a date"):
        today({"HELPCENTER_TODAY": "soon"})
