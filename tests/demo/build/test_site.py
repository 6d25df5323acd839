"""The demo help center, built for real: pages, languages, switcher, hosts."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import pytest
import yaml

from tests.demo.helpers import ARTICLE_IDS, LANGUAGES, article_path, support_yaml
from tests.helpers import REPO


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_every_article_exists_in_every_language(demo_build, language, article_id):
    page = demo_build.page(article_path(language, article_id))
    assert page.html["lang"] == language
    meta = page.find("meta", attrs={"name": "helpcenter:id"})
    assert meta is not None and meta["content"] == article_id
    assert page.find("h1") is not None


@pytest.mark.parametrize("article_id", ARTICLE_IDS)
def test_language_switcher_links_to_the_same_article(demo_build, article_id):
    for language in LANGUAGES:
        here = "/" + article_path(language, article_id)
        page = demo_build.page(article_path(language, article_id))
        links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
        assert set(links) == set(LANGUAGES), links
        for other, href in links.items():
            assert urljoin(here, href) == "/" + article_path(other, article_id)


def test_material_interface_speaks_the_page_language(demo_build):
    # The search placeholder is Material's own translation for each language.
    placeholders = {lang: demo_build.page(article_path(lang, "faq")).select_one("input.md-search__input")["placeholder"] for lang in LANGUAGES}
    assert len(set(placeholders.values())) == len(LANGUAGES), placeholders


def test_headings_keep_non_ascii_letters_in_anchors(demo_build):
    ids = [h.get("id") for lang in ("az", "ru") for h in demo_build.page(article_path(lang, "account-access")).select("h2[id]")]
    assert any(re.search(r"[əşçğıöü]", i) for i in ids), ids
    assert any(re.search(r"[а-я]", i) for i in ids), ids
    assert not any(re.fullmatch(r"_\d+", i) for i in ids), ids


URL = re.compile(r"""(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s"'()<>]*""")
# XML namespaces are names, not requests.
NAMESPACES = {"www.w3.org", "www.sitemaps.org"}


def _allowed_hosts() -> set[str]:
    data = support_yaml()
    site_url = yaml.safe_load((REPO / "mkdocs.yml").read_text().split("\ntheme:")[0])["site_url"]
    hosts = {urlparse(site_url).hostname}
    hosts |= {urlparse(c["contact"]["value"]).hostname for c in data["channels"] if c["contact"]["type"] == "url"}
    # Links the team names in its policies (help organisations): followed only by a player's click.
    hosts |= {urlparse(item["link"]["url"]).hostname for topic in (data.get("policies") or {}).values()
              for item in topic["items"].values() if "link" in item}
    return hosts | NAMESPACES


def _scanned_files(site):
    """HTML, CSS, data files, and our own JavaScript.

    Material's minified bundles name hosts for features we leave off (GitHub
    repository facts, lunr's licence comments); whether the page really asks
    any other host is checked in the browser tests, request by request.
    """
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".json", ".xml"):
            yield path
        elif path.suffix == ".js" and not path.name.endswith(".min.js") and not {"workers", "lunr"} & set(path.parts):
            yield path


def test_no_page_references_a_third_party_host(demo_build):
    allowed = _allowed_hosts()
    offenders = set()
    for path in _scanned_files(demo_build.site):
        text = path.read_text(encoding="utf-8", errors="replace")
        if path.suffix == ".html":
            # Attributes that make a request or a link: src, href, srcset, action, url() in styles.
            refs = re.findall(r"""(?:src|href|srcset|action|poster|data)\s*=\s*["']([^"']+)""", text) + re.findall(r"url\(([^)]+)\)", text)
        elif path.suffix == ".css":
            refs = re.findall(r"url\(([^)]+)\)|@import\s+['\"]([^'\"]+)", text)
            refs = [a or b for a, b in refs]
        else:
            refs = URL.findall(text)
        for ref in refs:
            ref = ref.strip("'\" ")
            if ref.startswith(("http://", "https://", "//")):
                host = urlparse(ref if not ref.startswith("//") else "https:" + ref).hostname
                if host not in allowed:
                    offenders.add((str(path.relative_to(demo_build.site)), host))
    assert not offenders, sorted(offenders)[:20]


def test_theme_loads_no_web_fonts(demo_build):
    page = demo_build.page("")
    assert not page.select('link[href*="fonts.googleapis"], link[href*="fonts.gstatic"]')
    assert "fonts.googleapis" not in (demo_build.site / "index.html").read_text()


def test_pages_carry_only_their_own_section_of_the_navigation(demo_build):
    # navigation.prune: an article's page lists its own section's articles, not every article.
    page = demo_build.page(article_path("en", "payments"))
    nav_links = {a["href"] for a in page.select("nav.md-nav--primary a.md-nav__link[href]")}
    assert not any("account-security" in href for href in nav_links), nav_links
