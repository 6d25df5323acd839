"""The contact router in the built site: complete without JavaScript, in every language, escaped."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urljoin, urlparse

import pytest
import yaml

from tests.demo.helpers import LANGUAGES, article_path, support_yaml
from tests.helpers import REPO, ui_texts

DATA = support_yaml()
STRINGS = ui_texts()
CHANNELS = {c["id"]: c for c in DATA["channels"]}
DOCUMENTS = {d["id"]: d for d in DATA["documents"]}


def _front_matter(language: str) -> dict[str, dict]:
    """Article id -> front matter, read from the Markdown sources."""
    found = {}
    for path in sorted((REPO / "docs" / language).glob("*.md")):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        found[front["id"]] = front
    return found


def _page_id(demo_build, here: str, href: str) -> str:
    """The helpcenter:id of the built page a relative link points to."""
    target = urlparse(urljoin("/" + here, href)).path.lstrip("/")
    return demo_build.page(target).find("meta", attrs={"name": "helpcenter:id"})["content"]


def _router(demo_build, language):
    page = demo_build.page(article_path(language, "contact"))
    routers = page.select("[data-contact-router]")
    assert len(routers) == 1
    return page, routers[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_problem_choice_is_a_labelled_native_control(demo_build, language):
    page, router = _router(demo_build, language)
    select = router.select_one('select[name="problem"]')
    assert page.select_one(f'label[for="{select["id"]}"]').get_text(strip=True) == STRINGS["router_problem"][language]
    options = [(o["value"], o.get_text()) for o in select.select("option") if o["value"]]
    assert options == [(p["id"], p["label"][language]) for p in DATA["problems"]]
    urgent = router.select_one('input[type="checkbox"][name="urgent"]')
    assert page.select_one(f'label[for="{urgent["id"]}"]').get_text(strip=True) == STRINGS["router_urgent"][language]
    assert router.select_one("[aria-live]") is not None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_problem_type_is_answered_without_javascript(demo_build, language):
    page, router = _router(demo_build, language)
    here = article_path(language, "contact")
    sections = router.select("details[data-problem]")
    assert [s["data-problem"] for s in sections] == [p["id"] for p in DATA["problems"]]
    for problem, section in zip(DATA["problems"], sections, strict=True):
        assert section.summary.get_text(strip=True) == problem["label"][language]
        assert section["id"] == f"problem-{problem['id']}"
        items = section.select("[data-channel]")
        # Every channel the data allows; the demo's first choice is always 24/7, so the data's order stands.
        assert [li["data-channel"] for li in items] == problem["channels"]
        assert [li["data-channel"] for li in section.select("[data-recommended-channel]")] == [problem["channels"][0]]
        for li in items:
            channel = CHANNELS[li["data-channel"]]
            text = li.get_text(" ", strip=True)
            assert channel["name"][language] in text
            low, high = channel["first_reply_minutes"]
            if high:
                assert (f"{low}–{high}" if high < 120 else f"{low // 60}–{high // 60}") in text
            if channel["hours"] == "always":
                assert li["data-channel-status"] == "open"
                assert STRINGS["always_open"][language] in text
            else:
                assert not li.has_attr("data-channel-status")  # only the browser's clock knows
                for opening in channel["hours"]:
                    assert f"{opening['open']}–{opening['close']}" in text
                assert DATA["timezone_label"][language] in text
            _assert_action(demo_build, here, li.select_one("a.md-button"), channel, problem, language)
        assert [li["data-document"] for li in section.select("[data-documents] li[data-document]")] == problem["documents"]
        for li in section.select("[data-documents] li"):
            assert DOCUMENTS[li["data-document"]]["name"][language] in li.get_text()
            assert li.select_one('input[type="checkbox"]') is not None
        links = {_page_id(demo_build, here, a["href"]) for a in section.select("a[href]:not(.md-button)")}
        assert problem["article"] in links
        if problem["documents"]:
            assert "required-documents" in links
        levels = section.select("[data-escalation] [data-level]")
        if problem["escalation"]:
            assert [lv["data-level"] for lv in levels] == [lv["id"] for lv in DATA["escalation"]]
            for level, li in zip(DATA["escalation"], levels, strict=True):
                assert level["name"][language] in li.get_text()
                if "minutes" in level:
                    assert f"{level['minutes'][0] // 60}–{level['minutes'][1] // 60}" in li.get_text() or f"{level['minutes'][0]}–{level['minutes'][1]}" in li.get_text()
                else:
                    assert "·" not in li.get_text()
            assert "escalation" in links
            assert STRINGS["router_quote"][language] in section.get_text()
        else:
            assert not levels


def _assert_action(demo_build, here, link, channel, problem, language):
    contact = channel["contact"]
    href = link["href"]
    if contact["type"] == "url":
        assert href == contact["value"]
    elif contact["type"] == "phone":
        assert href == "tel:" + re.sub(r"[^\d+]", "", contact["value"])
        assert contact["value"] in link.get_text()
    elif contact["type"] == "email":
        parsed = urlparse(href)
        assert parsed.scheme == "mailto" and parsed.path == contact["value"]
        assert " " not in href and not re.search(r"[^\x21-\x7e]", href)  # percent-encoded
        subject = parse_qs(parsed.query)["subject"][0]
        assert problem["label"][language] in subject
        assert subject == unquote(parsed.query.removeprefix("subject="))
    else:
        assert _page_id(demo_build, here, href) == contact["value"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_embedded_data_matches_the_data_file(demo_build, language):
    _, router = _router(demo_build, language)
    blob = router.select_one('template[data-router-data]')
    model = json.loads(blob.string)
    assert model["tz"] == DATA["timezone"] and model["lang"] == language
    assert model["zone"] == DATA["timezone_label"][language]
    assert model["problems"] == {p["id"]: p["channels"] for p in DATA["problems"]}
    phone = model["channels"]["phone"]
    assert phone["closed_on"] == CHANNELS["phone"]["closed_on"]
    assert [(o["open"], o["close"]) for o in phone["hours"]] == [
        tuple(int(t[:2]) * 60 + int(t[3:]) for t in (o["open"], o["close"])) for o in CHANNELS["phone"]["hours"]
    ]


def test_mail_subject_names_the_problem_in_each_language(demo_build):
    subjects = {}
    for language in LANGUAGES:
        _, router = _router(demo_build, language)
        mailto = router.select_one('details[data-problem="withdrawal"] [data-channel="email"] a')["href"]
        subjects[language] = parse_qs(urlparse(mailto).query)["subject"][0]
    assert subjects["en"] == "Support request: My withdrawal is delayed"
    assert subjects["ru"] == "Обращение в поддержку: Вывод средств задерживается"
    assert len(set(subjects.values())) == len(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_articles_that_name_problems_end_with_still_need_help(demo_build, language):
    fronts = _front_matter(language)
    with_problems = {aid for aid, f in fronts.items() if f.get("problems")}
    assert {"payments", "account-access", "escalation"} <= with_problems
    for article_id, front in fronts.items():
        here = article_path(language, article_id)
        page = demo_build.page(here)
        block = page.select_one('[data-contact-router="compact"]')
        if article_id not in with_problems:
            assert block is None, article_id
            continue
        assert block is not None, article_id
        assert block.parent is page.select_one("article") and block.find_next_sibling() is None, article_id  # at the end
        assert block.select_one("h2").get_text(strip=True) == STRINGS["help_title"][language]
        sections = block.select("details[data-problem]")
        assert [s["data-problem"] for s in sections] == front["problems"]
        assert sections[0].has_attr("open") and not any(s.has_attr("open") for s in sections[1:])
        choice = block.select_one('[name="problem"]')
        if len(front["problems"]) > 1:
            assert choice.select_one("option[selected]")["value"] == front["problems"][0]
        else:
            assert choice["value"] == front["problems"][0]
        for problem_id, section in zip(front["problems"], sections, strict=True):
            link = section.select_one(".hc-route__more a")
            target = urlparse(urljoin("/" + here, link["href"]))
            assert target.path == "/" + article_path(language, "contact")
            assert parse_qs(target.query) == {"problem": [problem_id]} and target.fragment == f"problem-{problem_id}"
            assert section.select("[data-channel]")


def test_hostile_data_is_text_in_html_and_json(project):
    hostile = "</script><script>alert(1)</script>"
    project.replace("support.yml", "name: {az: Canlı söhbət, en: Live chat,", f'name: {{az: Canlı söhbət, en: "{hostile}",')
    project.replace("support.yml", "en: Baku time", f'en: "{hostile} & <!-- time"')
    project.replace("support.yml", "en: My withdrawal is delayed", f'en: "{hostile}"')
    result = project.build()
    assert result.returncode == 0, result.output
    for path in (article_path("en", "contact"), article_path("en", "payments")):
        page = result.page(path)
        # Executable scripts never carry the data; JSON-LD data blocks carry it escaped.
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":
                assert "<" not in script.string and ">" not in script.string
                json.loads(script.string)
            else:
                assert "alert(1)" not in (script.string or "")
        blob = page.select_one("[data-contact-router] template[data-router-data]")
        raw = blob.string
        assert "<" not in raw and ">" not in raw and "&" not in raw
        assert json.loads(raw)["zone"] == f"{hostile} & <!-- time"
        router = page.select_one("[data-contact-router]")
        assert router.select_one('[data-channel="chat"] [data-name]').get_text() == hostile
        assert router.select_one('details[data-problem="withdrawal"] summary').get_text() == hostile
        option = router.select_one('option[value="withdrawal"]')
        assert option.get_text() == hostile
        mailto = router.select_one('details[data-problem="withdrawal"] [data-channel="email"] a')["href"]
        assert hostile in parse_qs(urlparse(mailto).query)["subject"][0]
    # The raw file: the hostile tag never appears unescaped.
    html = (result.site / "en" / "contact" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html


def test_closures_already_past_when_the_site_is_built_are_not_listed(project, monkeypatch):
    """A player reading "closed on" wants the days ahead, not last year's holidays."""
    project.replace("support.yml", 'closed_on: ["2026-12-31", "2027-01-01", "2027-01-02", "2027-03-20", "2027-03-21"]',
                    'closed_on: ["2030-01-01", "2030-05-09", "2031-01-01"]')

    def closures(today: str) -> str:
        monkeypatch.setenv("HELPCENTER_TODAY", today)
        result = project.build()
        assert result.returncode == 0, result.output
        facts = result.page(article_path("en", "contact")).select_one('details[data-problem="withdrawal"] [data-channel="phone"] .hc-channel__facts')
        return facts.get_text(" ", strip=True)

    assert "closed on 1 January 2030, 9 May 2030, 1 January 2031" in closures("2029-12-01")
    assert "closed on May 9, Jan 1" in closures("2030-05-09")  # the day itself is still listed; less than a year ahead: no year
    assert "closed on" not in closures("2031-01-02")
