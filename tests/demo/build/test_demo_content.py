"""Demo content: what the content review (issue 14) found, read from the built demo.

Each test reads the built pages' text, so a fix in the data, the templates or the articles
that regresses shows here, in the language a player reads it.
"""

from __future__ import annotations

import re

import pytest

from tests.demo.helpers import LANGUAGES, article_path

# The articles the content review read (newer ones state their policy through {{ policy:... }}).
ARTICLE_IDS = (
    "home", "contact", "contact-channels", "response-times", "required-documents", "escalation",
    "disputes-evidence", "account-access", "payments", "account-security", "service-quality", "faq",
)


def _article_text(demo_build, language: str, article_id: str) -> str:
    return demo_build.page(article_path(language, article_id)).select_one("article").get_text(" ")


def _channel_languages(page) -> dict[str, str]:
    table = page.select_one('[data-support-table="channels"]')
    headings = [th.get_text(strip=True) for th in table.select("thead th")]
    column = next(i for i, text in enumerate(headings) if text in {"Dillər", "Languages", "Языки", "Diller"})
    return {row["data-channel"]: row.select("th, td")[column].get_text(strip=True) for row in table.select("tbody tr")}


# Language names are lower-case inside a list in az and ru (only Azərbaycan, a country's name, keeps its
# capital); a cell starts with a capital. They used to be capitalised one by one: "İngilis, Rus, Türk".
@pytest.mark.parametrize(("language", "chat", "phone"), [
    ("az", "Azərbaycan, ingilis, rus, türk", "Azərbaycan, rus, ingilis"),
    ("ru", "Азербайджанский, английский, русский, турецкий", "Азербайджанский, русский, английский"),
    ("tr", "Azerbaycan dili, İngilizce, Rusça, Türkçe", "Azerbaycan dili, Rusça, İngilizce"),
    ("en", "Azerbaijani, English, Russian, Turkish", "Azerbaijani, Russian, English"),
])
def test_channel_table_writes_language_names_in_the_language_s_case(demo_build, language, chat, phone):
    cells = _channel_languages(demo_build.page(article_path(language, "contact-channels")))
    assert (cells["chat"], cells["phone"]) == (chat, phone)


@pytest.mark.parametrize(("language", "phone_line"), [
    ("az", "Dillər: Azərbaycan, rus və ingilis dilləri."),
    ("en", "Languages: Azerbaijani, Russian, and English."),
    ("ru", "Языки: азербайджанский, русский и английский."),
    ("tr", "Diller: Azerbaycan dili, Rusça ve İngilizce."),
])
def test_the_phone_languages_in_prose_are_the_data_s(demo_build, language, phone_line):
    # The Turkish page used to promise "İngilizce ve yerel diller" on the phone, which speaks no Turkish.
    text = " ".join(_article_text(demo_build, language, "contact-channels").split())
    assert phone_line in text


@pytest.mark.parametrize(("language", "vague"), [("az", "yerli dil"), ("en", "local language"), ("ru", "местные языки"), ("tr", "yerel dil")])
def test_no_article_names_channel_languages_vaguely(demo_build, language, vague):
    # "English and local languages" beside a table that lists them exactly: the data says which.
    assert not [a for a in ARTICLE_IDS if vague in _article_text(demo_build, language, a)]


def test_turkish_documents_table_heading_is_whole(demo_build):
    # A comma in an unquoted YAML flow value used to cut it to "Nedir".
    headings = [th.get_text(strip=True) for th in demo_build.page(article_path("tr", "required-documents")).select('[data-support-table="documents"] thead th')]
    assert headings == ["Belge", "Nedir, neden istenir?"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_line_break_between_a_figure_and_its_unit(demo_build, language):
    text = _article_text(demo_build, language, "response-times")
    assert re.search(r"24–72\u00a0\w", text), "the resolution target"
    assert not re.search(r"\d(–\d+)? (dəqiqə|saat|minutes?|hours?|минут\w*|час\w*|dakika)\b", text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chat_link_in_prose_reads_as_an_action_not_a_bare_url(demo_build, language):
    article = demo_build.page(article_path(language, "contact-channels")).select_one("article .md-content__inner, article")
    prose_links = [a.get_text(strip=True) for a in article.select("p a[href^='https://support.lumora.example/chat']")]
    assert prose_links and not [t for t in prose_links if t.startswith("http")], prose_links


# Claims no source makes (review 1.2): policy a team forking the demo would publish without deciding it.
UNSOURCED = {
    "az": ["ilk 6", "vaxtından əvvəl", "eskalasiya halıdır", "qaydaların pozulması"],
    "en": ["first 6", "lifted early", "automatic reply to your first message", "secure your account", "Only send what we ask", "rather than in live chat"],
    "ru": ["первые 6", "досрочно", "новый аккаунт", "временно заблокирует", "каждый ответ", "достаточно документов"],
    "tr": ["ilk 6", "kalıcı olarak", "erken kaldırıl", "yeni bir hesap açmayın", "güvenlik altına al", "yeterlidir", "tek tek", "maç sonuç"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_article_states_the_unsourced_claims_the_review_found(demo_build, language):
    found = [(article_id, claim) for article_id in ARTICLE_IDS for claim in UNSOURCED[language]
             if claim.lower() in " ".join(_article_text(demo_build, language, article_id).split()).lower()]
    assert not found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_faq_has_the_same_questions_count(demo_build, language):
    questions = [h for h in demo_build.page(article_path(language, "faq")).select("article h2") if h.get_text(strip=True).rstrip("¶").endswith("?")]
    assert len(questions) == 12
