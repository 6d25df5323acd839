"""The feedback forms in the built HTML, as Netlify's form detection reads them, and what the
local production server does with their posts."""

from __future__ import annotations

import http.client
from urllib.parse import urlencode, urlsplit

import pytest

from production_server.forms import FormStore
from production_server.server import serve_in_background
from tests.demo.helpers import ARTICLE_IDS, LANGUAGES, article_path
from tests.helpers import REPO

ARTICLES = [a for a in ARTICLE_IDS if a not in ("home", "contact")]


def _thanks(language: str) -> str:
    return "/feedback-thanks/" if language == LANGUAGES[0] else f"/{language}/feedback-thanks/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_article_has_a_netlify_feedback_form_in_its_language(demo_build, language):
    for article in ARTICLES:
        page = demo_build.page(article_path(language, article))
        (form,) = page.select("form[data-hc-feedback]")
        assert (form["name"], form["method"], form["data-netlify"], form["netlify-honeypot"]) == ("article-feedback", "POST", "true", "bot-field")
        assert form["action"] == _thanks(language)
        hidden = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
        assert hidden == {"form-name": "article-feedback", "article": article, "language": language}
        assert form.select_one("input[name=bot-field]") is not None
        assert sorted(i["value"] for i in form.select("input[name=reason]")) == ["other", "outdated", "unanswered", "unclear"]
        assert form.select_one("textarea[name=comment]")["maxlength"] == "500"
        assert page.select_one("html")["lang"] == language


@pytest.mark.parametrize("article", ["home", "contact"])
def test_home_and_contact_have_no_feedback_form(demo_build, article):
    for language in LANGUAGES:
        assert demo_build.page(article_path(language, article)).select("form[data-hc-feedback]") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_thank_you_page_holding_the_signals_form(demo_build, language):
    page = demo_build.page(_thanks(language).strip("/") + "/")
    assert page.select_one("html")["lang"] == language
    assert page.select_one('meta[name=robots]')["content"] == "noindex"
    (form,) = page.select('form[name=search-signals]')
    assert form["data-netlify"] == "true" and form.has_attr("hidden") and form["netlify-honeypot"] == "bot-field"
    assert {i["name"] for i in form.select("input")} == {"form-name", "bot-field", "kind", "query", "problem", "language"}
    assert not (demo_build.site / "feedback-thanks.html").exists()
    # It is rendered at the root and moved: its styles and scripts must still resolve from where it is.
    folder = demo_build.site / _thanks(language).strip("/")
    assets = [tag.get("href") or tag.get("src") for tag in page.select('link[rel=stylesheet], script[src]')]
    assert assets and all((folder / url).resolve().is_file() for url in assets if "://" not in url), assets


def test_the_recording_note_is_in_every_language_and_off_with_the_setting(demo_build, project):
    notes = {lang: demo_build.page(article_path(lang, "faq")).select_one("[data-hc-signals]").get_text(strip=True) for lang in LANGUAGES}
    assert len(set(notes.values())) == len(LANGUAGES)
    project.replace("mkdocs.yml", "    record_searches: true", "    record_searches: false")
    result = project.build()
    assert result.returncode == 0, result.output
    assert result.page(article_path("en", "faq")).select("[data-hc-signals]") == []


def _post(base: str, path: str, fields: dict[str, str], mode: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
    connection.request("POST", path, urlencode(fields), {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Mode": mode})
    response = connection.getresponse()
    response.read()
    return response


def test_the_server_keeps_known_fields_drops_spam_and_answers_as_netlify(demo_build, tmp_path):
    store_path = tmp_path / "forms.sqlite"
    server, base = serve_in_background(demo_build.site, REPO / "netlify.toml", store=store_path)
    try:
        vote = {"form-name": "article-feedback", "article": "faq", "language": "tr", "answer": "yes", "bot-field": "", "tracking-id": "x1"}
        submitted = _post(base, "/tr/feedback-thanks/", vote, "navigate")
        assert (submitted.status, submitted.getheader("Location")) == (303, "/tr/feedback-thanks/")
        assert _post(base, "/tr/faq/", {**vote, "answer": "no"}, "cors").status == 200
        assert _post(base, "/tr/faq/", {**vote, "bot-field": "http://spam.example"}, "cors").status == 200
        assert _post(base, "/", {"form-name": "newsletter", "email": "a@b.example"}, "cors").status == 404
    finally:
        server.shutdown()
        server.server_close()
    assert [(form, data) for form, _, data in FormStore(store_path).all()] == [
        ("article-feedback", {"article": "faq", "language": "tr", "answer": "yes"}),
        ("article-feedback", {"article": "faq", "language": "tr", "answer": "no"}),
    ]
    assert not any(demo_build.site.rglob("*.sqlite"))


def test_a_notice_naming_an_unknown_problem_stops_the_build_at_its_line(project):
    text = project.read("support.yml").replace("\nnotices: []\n", "\n")
    notice = """notices:
  - id: slow
    severity: warning
    title: {az: a, en: b, ru: c, tr: d}
    text: {az: a, en: b, ru: c, tr: d}
    start: 2027-01-01 10:00
    end: 2027-01-01 12:00
    problems: [withdrawl]
"""
    project.write("support.yml", text + notice)
    line = (text + notice).splitlines().index("    problems: [withdrawl]") + 1
    result = project.build()
    assert result.returncode != 0
    assert f"Error in 'support.yml', line {line}: notices[0].problems[0]: unknown problem 'withdrawl'." in result.output
    assert "Traceback" not in result.output
