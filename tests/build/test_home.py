"""The home page: search box first, then the most asked questions (from an FAQ article or a list
in mkdocs.yml), the topics and the way to contact support, in every language; a help center
without an FAQ still builds."""

from __future__ import annotations

from urllib.parse import unquote, urljoin

from tests.own_site import LANGUAGES, OwnSite

QUESTIONS = {
    "uz": ["Qanday yozaman?", "Qachon javob berasiz?", "Hujjatlar kerakmi?"],
    "uk": ["Як написати?", "Коли ви відповідаєте?", "Чи потрібні документи?"],
    "de": ["Wie schreibe ich?", "Wann antworten Sie?", "Brauche ich Dokumente?"],
}


def _site(root, extra: str = "", faq: bool = True, contact: bool = True) -> OwnSite:
    site = OwnSite(root, extra)
    pages = ["payouts.md", "questions.md"]
    for language in LANGUAGES:
        site.article(language, "payouts", f"Payouts {language}", "Text.\n")
        site.article(language, "questions", f"Questions {language}", "Text.\n")
        if faq:
            body = "".join(f"## {q}\n\nJa.\n\n" for q in QUESTIONS[language]) + "## Not a question\n\nText.\n"
            site.article(language, "faq", f"FAQ {language}", body)
        if contact:
            site.article(language, "contact", f"Contact {language}", "Write to us.\n")
    pages += (["faq.md"] if faq else []) + (["contact.md"] if contact else [])
    text = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("      - payouts.md\n      - questions.md\n", "".join(f"      - {p}\n" for p in pages))
    site.write("mkdocs.yml", text)
    return site


def _home(result, language: str):
    return result.page("" if language == LANGUAGES[0] else f"{language}/")


def test_the_search_box_comes_first_then_questions_topics_and_contact(tmp_path):
    result = _site(tmp_path, "home_questions: {from: faq, count: 2}").build()
    assert result.returncode == 0, result.output
    for language in LANGUAGES:
        article = _home(result, language).select_one("article")
        order = [el for el in article.select(".hc-search-box, .hc-home__questions, .hc-topics, .hc-home__contact, .hc-home__text")]
        assert [el["class"][0] for el in order] == ["hc-search-box", "hc-home__questions", "hc-topics", "hc-home__contact", "hc-home__text"]
        # Nothing but the title and the lead (and a translation's note) comes before the search box.
        before = article.select_one(".hc-search-box").find_previous_siblings()
        assert sorted(el.name for el in before if "hc-translation-note" not in el.get("class", [])) == ["h1", "p"], before
        links = article.select(".hc-home__questions a")
        assert [a.get_text() for a in links] == QUESTIONS[language][:2]
        home_path = "/" if language == LANGUAGES[0] else f"/{language}/"
        for a in links:
            target = urljoin(home_path, a["href"])
            path, anchor = target.split("#")
            faq = result.page(path.strip("/") + "/")
            assert faq.find(id=unquote(anchor)) is not None, target
            assert faq.select_one("h1").get_text(strip=True).startswith(f"FAQ {language}")
        contact = article.select_one(".hc-home__contact a")["href"]
        assert urljoin(home_path, contact) == f"{home_path}contact/"


def test_the_default_takes_the_first_six_questions_of_an_faq(tmp_path):
    result = _site(tmp_path).build()
    assert result.returncode == 0, result.output
    assert [a.get_text() for a in _home(result, "uk").select(".hc-home__questions a")] == QUESTIONS["uk"]


def test_a_list_of_articles_in_the_settings(tmp_path):
    result = _site(tmp_path, "home_questions: [payouts, contact]").build()
    assert result.returncode == 0, result.output
    links = _home(result, "de").select(".hc-home__questions a")
    assert [(a.get_text(), a["href"]) for a in links] == [("Payouts de", "payouts/"), ("Contact de", "contact/")]


def test_a_help_center_without_faq_or_contact_builds_its_home(tmp_path):
    result = _site(tmp_path, faq=False, contact=False).build()
    assert result.returncode == 0, result.output
    home = _home(result, "uz")
    assert home.select_one(".hc-search-box") is not None and home.select_one(".hc-topics") is not None
    assert home.select_one(".hc-home__questions") is None and home.select_one(".hc-home__contact") is None


def test_a_setting_naming_no_article_stops_the_build(tmp_path):
    result = _site(tmp_path, "home_questions: {from: help, count: 3}").build()
    assert result.returncode != 0
    assert "Error in 'mkdocs.yml', extra.helpcenter.home_questions: no article with id 'help'." in result.output
    assert "Traceback" not in result.output


def test_a_malformed_setting_says_what_to_write(tmp_path):
    result = _site(tmp_path, "home_questions: {from: faq, count: many}").build()
    assert result.returncode != 0
    assert "Error in 'mkdocs.yml': extra.helpcenter.home_questions must be {from: <FAQ article id>, count: <number>} or a list of article ids" in result.output
    assert "Traceback" not in result.output


def test_an_faq_whose_front_matter_is_broken_gives_one_error_at_its_cause(tmp_path):
    site = _site(tmp_path, "home_questions: {from: faq, count: 2}")
    faq = site.root / "docs" / LANGUAGES[1] / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8").replace("\n---\n", "\n\n", 1), encoding="utf-8")  # closing line deleted
    result = site.build()
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert result.returncode == 1 and "Traceback" not in result.output
    assert len(errors) == 1 and f"docs/{LANGUAGES[1]}/faq.md" in errors[0] and "never closed" in errors[0], errors
