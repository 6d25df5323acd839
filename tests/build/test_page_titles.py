"""Titles a team writes (front matter, nav entries, nav_translations) are plain text: every page
shows them literally and none injects an element or attribute (Material prints titles unescaped),
an ordinary "&" is escaped once, and the search index, meta tags, JSON-LD and sitemap carry them
as their formats need."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
import yaml
from bs4 import BeautifulSoup

from helpcenter.search_split import join_search_file
from tests.generator_site import Language, SiteSpec, build, write_site
from tests.helpers import REPO
from tests.unit.test_search_js import node

LANGUAGES = ("fi", "pl")
BRAND = "Kapa & Co"
HOSTILE = '<img src=x onerror=alert(1)> "><script>alert(2)</script></title> &amp; fees'  # an article's front matter title
ORDINARY = "Deposits & withdrawals"
LITERAL = "Fees &amp; limits"  # the team means the five characters
NAV_PAGE = '"><img src=x onerror=alert(3)></title>'  # a nav entry's own title for a page
SECTION = "<script>alert(4)</script> & Help"  # a nav section
SECTION_PL = '"><img src=x onerror=alert(5)> Pomoc & co'  # its nav_translations entry
SPEC = SiteSpec(
    BRAND, "Europe/Helsinki", [Language("fi", "Suomi"), Language("pl", "Polski")],
    [{"id": "chat", "kind": "chat", "contact": {"type": "url", "value": "https://kapa.example/chat"}, "hours": "always", "first_reply_minutes": [1, 5]}],
    [{"id": "fees", "channels": ["chat"], "documents": [], "escalation": False, "article": "fees"}])


def _front(article_id: str, title: str, body: str) -> str:
    meta = {"id": article_id, "title": title, "description": "About it.", "last_reviewed": "2026-11-20"}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False).replace("'2026-11-20'", "2026-11-20") + "---\n\n" + body + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("titles") / "site", SPEC)
    for language in LANGUAGES:
        for article_id, title in (("fees", HOSTILE), ("deposits", ORDINARY), ("literal", LITERAL), ("limits", "Limits")):
            (root / f"docs/{language}/{article_id}.md").write_text(_front(article_id, title, "Text."), encoding="utf-8")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    config["plugins"]["i18n"]["languages"][1]["nav_translations"] = {SECTION: SECTION_PL}
    config["nav"] = ["index.md", {SECTION: ["contact.md", "faq.md", "fees.md", "deposits.md", "literal.md", {NAV_PAGE: "limits.md"}]}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    return root / "site"


def _at(language: str, page: str = "") -> str:
    """A page's file: the default language at the root, the others under their code."""
    return ("" if language == LANGUAGES[0] else f"{language}/") + (f"{page}/" if page else "") + "index.html"


def _url(language: str, page: str) -> str:
    return _at(language, page).removesuffix("index.html")


def _soup(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def _texts(soup: BeautifulSoup, selector: str) -> list[str]:
    return [" ".join(e.get_text().split()) for e in soup.select(selector)]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_no_page_gets_an_element_or_attribute_from_a_title(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 14  # 7 pages x 2 languages, and the 404 page
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all("img", src="x"), path
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()], path
        assert not [t for t in soup.find_all(True) if any(a.startswith("on") and "alert(" in str(v) for a, v in t.attrs.items())], path
        assert len(soup.find_all("title")) == 1, path


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_front_matter_title_shows_literally_everywhere_material_prints_it(site, language):
    soup = _soup(site, _at(language, "fees"))
    title = _flat(HOSTILE)
    assert soup.title.get_text() == f"{HOSTILE} - {BRAND}"
    assert title in _texts(soup, ".md-header__topic .md-ellipsis")
    assert title in _texts(soup, "article h1")
    assert title in _texts(soup, ".md-sidebar--primary .md-nav__link")
    assert soup.find("meta", property="og:title")["content"] == HOSTILE
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == HOSTILE
    neighbour = _soup(site, _at(language, "faq"))  # the footer's "next" link from the page before it
    assert any(title in t for t in _texts(neighbour, ".md-footer__link"))


@pytest.mark.parametrize(("language", "section"), [("fi", SECTION), ("pl", SECTION_PL)])
def test_nav_titles_and_translations_show_literally(site, language, section):
    soup = _soup(site, _at(language, "limits"))
    assert _flat(NAV_PAGE) in _texts(soup, ".md-sidebar--primary .md-nav__link")
    assert _flat(NAV_PAGE) in _texts(soup, "article h1")
    assert _flat(section) in _texts(soup, ".md-tabs__link")
    assert _flat(section) in _texts(soup, ".md-path__link")
    assert _flat(section) in _texts(soup, ".md-sidebar--primary label.md-nav__link")


@pytest.mark.parametrize("language", LANGUAGES)
def test_ampersands_are_escaped_once(site, language):
    html = (site / _at(language, "deposits")).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.title.get_text() == f"{ORDINARY} - {BRAND}"
    assert ORDINARY in _texts(soup, "article h1")
    assert "Deposits &amp; withdrawals" in html and "Deposits &amp;amp;" not in html
    literal = _soup(site, _at(language, "literal"))
    assert LITERAL in _texts(literal, "article h1")
    assert literal.title.get_text() == f"{LITERAL} - {BRAND}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_our_templates_show_titles_literally(site, language):
    contact = _soup(site, _at(language, "contact"))  # the contact router links each problem's article
    assert _flat(HOSTILE) in _texts(contact, ".hc-route__more a")
    home = _soup(site, _at(language))  # the home page lists the topics
    assert _flat(HOSTILE) in _texts(home, ".hc-topics a")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_index_holds_the_plain_title(site, language):
    """The worker escapes a document's title before Material's UI inserts it as HTML
    (search-worker.js, highlight/escapeHtml): the index must hold the text as written, once."""
    folder = site / "search"
    files = {f"{language}.json": (folder / f"{language}.json").read_text(encoding="utf-8")}
    files.update({f"{language}/{p.name}": p.read_text(encoding="utf-8") for p in (folder / language).iterdir()})
    index = join_search_file(files, language)
    titles = {index["pages"][doc[0]][0]: doc[2] for doc in index["docs"] if doc[1] == ""}
    assert titles[_url(language, "fees")] == HOSTILE
    assert titles[_url(language, "deposits")] == ORDINARY
    assert titles[_url(language, "literal")] == LITERAL
    assert titles[_url(language, "limits")] == NAV_PAGE


def test_the_search_results_show_the_title_literally(site, tmp_path):
    """The real worker on the built index: the title HTML it hands Material's UI shows the text as written."""
    (tmp_path / "queries.json").write_text(json.dumps(["fees", "withdrawals"]), encoding="utf-8")
    out = node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(site / "search" / "pl.json"), str(tmp_path / "queries.json"))
    shown = {}
    for result in out["results"]:
        for group in result["data"]["items"]:
            for item in group:
                shown.setdefault(item["location"], item["title"])
    for location, title in ((_url("pl", "fees"), HOSTILE), (_url("pl", "deposits"), ORDINARY)):
        html = BeautifulSoup(shown[location], "html.parser")
        assert not html.find_all(["img", "script"]), shown[location]
        assert html.get_text() == title


def test_json_ld_and_sitemap_carry_plain_text(site):
    """JSON-LD is JSON inside a script element, where no entity is decoded: its values are the plain
    text ("&", not "&amp;"), and `tojson` writes <, > and & as \\u escapes so no value ends the script."""
    for language in LANGUAGES:
        soup = _soup(site, _at(language, "contact"))
        blocks = [s.get_text() for s in soup.find_all("script", type="application/ld+json")]
        assert blocks
        assert not [b for b in blocks if "<" in b or "&" in b]
        data = [json.loads(b) for b in blocks]
        assert any(BRAND in json.dumps(d, ensure_ascii=False) for d in data)
        assert not [d for d in data if "&amp;" in json.dumps(d, ensure_ascii=False) or "&lt;" in json.dumps(d, ensure_ascii=False)]
    locations = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter() if e.tag.endswith("loc")]
    assert {SPEC.site_url + _url(language, "fees") for language in LANGUAGES} <= set(locations)
