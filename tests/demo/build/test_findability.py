"""What search engines and link previews read: sitemap, robots, metadata, JSON-LD, 404 pages."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tests.demo.helpers import ARTICLE_IDS, LANGUAGES, article_path, support_yaml
from tests.helpers import REPO, ui_texts

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
STRINGS = ui_texts()


def front_matter(language: str, article_id: str) -> dict:
    name = "index" if article_id == "home" else article_id
    text = (REPO / "docs" / language / f"{name}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


def built_file(site, url: str):
    """The file Netlify serves for an absolute URL of the site."""
    path = urlsplit(url).path[len(urlsplit(SITE_URL).path):]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]


def test_sitemap_lists_every_article_in_every_language_with_symmetric_alternates(demo_build):
    root = ET.parse(demo_build.site / "sitemap.xml").getroot()  # well-formed, or this raises
    entries = {}
    for url in root.findall("s:url", NS):
        loc = url.find("s:loc", NS).text
        assert loc.startswith(SITE_URL), loc
        assert built_file(demo_build.site, loc).is_file(), loc
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert all(link.get("rel") == "alternate" for link in url.findall("x:link", NS))
        entries[loc] = links
    assert set(entries) == {SITE_URL + article_path(lang, a) for lang in LANGUAGES for a in ARTICLE_IDS}
    for loc, links in entries.items():
        assert set(links) == {*LANGUAGES, "x-default"}
        assert loc in links.values()
        assert links["x-default"] == links[LANGUAGES[0]]
        for href in links.values():
            assert entries[href] == links, (loc, href)  # every alternate points back the same way
    gzipped = (demo_build.site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(gzipped) == (demo_build.site / "sitemap.xml").read_bytes()


def test_sitemap_lastmod_is_the_review_date(demo_build):
    root = ET.parse(demo_build.site / "sitemap.xml").getroot()
    lastmods = {u.find("s:loc", NS).text: u.find("s:lastmod", NS).text for u in root.findall("s:url", NS)}
    assert lastmods[SITE_URL + article_path("ru", "faq")] == str(front_matter("ru", "faq")["last_reviewed"])


def test_robots_txt_points_at_the_sitemap(demo_build):
    lines = (demo_build.site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert not any(line.startswith("Disallow: /") and line != "Disallow:" for line in lines)
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_describe_themselves(demo_build, language):
    titles = defaultdict(list)
    for article_id in ARTICLE_IDS:
        path = article_path(language, article_id)
        page = demo_build.page(path)
        meta = front_matter(language, article_id)
        titles[page.title.string].append(path)
        assert page.select_one('link[rel="canonical"]')["href"] == SITE_URL + path
        assert page.select_one('meta[name="description"]')["content"] == meta["description"]
        assert page.select_one('meta[property="og:description"]')["content"] == meta["description"]
        assert page.select_one('meta[property="og:title"]')["content"] == meta["title"]
        assert page.select_one('meta[property="og:url"]')["content"] == SITE_URL + path
        assert page.select_one('meta[property="og:locale"]')["content"].startswith(language + "_")
        others = {m["content"][:2] for m in page.select('meta[property="og:locale:alternate"]')}
        assert others == set(LANGUAGES) - {language}
        # No relative hreflang links (search engines reject them); the alternates are in the sitemap.
        assert not page.select("link[hreflang]")
        assert page.title.string.startswith(meta["title"])
    assert all(len(paths) == 1 for paths in titles.values()), {t: p for t, p in titles.items() if len(p) > 1}


def _faq_from_html(page: BeautifulSoup) -> list[tuple[str, str]]:
    """Questions (h2 ending in '?') and the text up to the next h2, read with BeautifulSoup."""
    article = page.select_one("article.md-content__inner")
    found = []
    for heading in article.find_all("h2"):
        for link in heading.select("a.headerlink"):
            link.extract()
        question = heading.get_text().strip()
        if not question.endswith("?"):
            continue
        parts = []
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h1", "h2") or sibling.name == "form":  # the form: "Was this helpful?", after the text
                break
            parts.append(sibling.get_text())
        found.append((question, " ".join(" ".join(parts).split())))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_faq_structured_data_matches_the_page(demo_build, language):
    page = demo_build.page(article_path(language, "faq"))
    (data,) = json_ld(page)
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    assert data["inLanguage"] == language
    pairs = [(q["name"], q["acceptedAnswer"]["text"]) for q in data["mainEntity"]]
    expected = _faq_from_html(page)
    assert len(expected) >= 10
    assert pairs == expected
    # Placeholders are filled in: the answer carries support.yml's values, not {{ ... }}.
    assert not any("{{" in answer for _, answer in pairs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_structured_data_matches_support_yml(demo_build, language):
    data = support_yaml()
    (ld,) = json_ld(demo_build.page(article_path(language, "contact")))
    organization = ld["mainEntity"]
    assert organization["@type"] == "Organization" and organization["name"] == data["brand"]
    points = organization["contactPoint"]
    assert [p["name"] for p in points] == [c["name"][language] for c in data["channels"]]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    for point, channel in zip(points, data["channels"], strict=True):
        assert point["@type"] == "ContactPoint"
        kind, value = channel["contact"]["type"], channel["contact"]["value"]
        if kind == "email":
            assert point["email"] == value
        elif kind == "phone":
            assert point["telephone"] == value
        elif kind == "url":
            assert point["url"] == value
        else:
            assert point["url"] == SITE_URL + article_path(language, value)
        assert point["availableLanguage"] == channel["languages"]
        weekly = [h for h in point["hoursAvailable"] if "dayOfWeek" in h]
        closed = [h for h in point["hoursAvailable"] if "validFrom" in h]
        if channel["hours"] == "always":
            assert weekly == [{"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{d}" for d in days], "opens": "00:00", "closes": "23:59"}]
        else:
            short = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            assert [(h["dayOfWeek"], h["opens"], h["closes"]) for h in weekly] == [
                ([f"https://schema.org/{days[short.index(d)]}" for d in span["days"]], span["open"], span["close"]) for span in channel["hours"]
            ]
        assert [(h["validFrom"], h["opens"], h["closes"]) for h in closed] == [(str(d), "00:00", "00:00") for d in channel.get("closed_on", [])]


def test_structured_data_only_where_it_belongs(demo_build):
    for language in LANGUAGES:
        for article_id in ARTICLE_IDS:
            found = [d["@type"] for d in json_ld(demo_build.page(article_path(language, article_id)))]
            assert found == {"faq": ["FAQPage"], "contact": ["ContactPage"]}.get(article_id, []), (language, article_id)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_a_localized_not_found_page(demo_build, language):
    name = "404.html" if language == LANGUAGES[0] else f"{language}/404.html"
    page = BeautifulSoup((demo_build.site / name).read_text(encoding="utf-8"), "html.parser")
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == STRINGS["not_found_title"][language]
    assert page.title.string.startswith(STRINGS["not_found_title"][language])
    assert page.select_one('meta[name="robots"]')["content"] == "noindex"
    # Served for any missing path, so every link and asset is root-relative.
    home = "/" if language == LANGUAGES[0] else f"/{language}/"
    assert {a["href"] for a in page.select("article a")} == {home, f"{home}contact/"}
    assert all(link["href"].startswith("/") for link in page.select("link[href]"))


def test_the_policy_allows_exactly_the_inline_scripts_that_were_built(demo_build):
    lines = (demo_build.site / "_headers").read_text(encoding="utf-8").splitlines()
    policy_line = next(line for line in lines if line.strip().startswith("Content-Security-Policy:"))
    assert lines[lines.index(policy_line) - 1] == "/*"
    directives = {p.split()[0]: p.split()[1:] for p in policy_line.split(":", 1)[1].strip().split("; ")}
    allowed = {s for s in directives["script-src"] if s.startswith("'sha256-")}
    built = set()
    for path in demo_build.site.rglob("*.html"):
        for script in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script"):
            if script.get("src") or script.get("type") not in (None, "text/javascript", "module"):
                continue
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            built.add(f"'sha256-{digest}'")
    assert built and allowed == built
    assert directives["default-src"] == ["'self'"] and "'unsafe-inline'" not in directives["script-src"]
    assert not re.search(r"unsafe-(eval|inline)", policy_line)


def test_forms_submit_only_to_the_site(demo_build):
    # form-action 'self' is enough: no form posts anywhere else.
    for path in demo_build.site.rglob("*.html"):
        for form in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("form"):
            action = form.get("action", "")
            assert not urlsplit(action).netloc and not action.startswith(("javascript:", "data:")), (path, action)
