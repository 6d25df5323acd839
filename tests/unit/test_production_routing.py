"""The local production server's routing decisions, rule by rule, as Netlify makes them."""

from __future__ import annotations

import pytest

from production_server.netlify_config import ConfigError, HeaderRule, Redirect, load_headers_file, load_netlify_toml
from production_server.routing import combined_headers, header_pattern, headers_for, redirect_pattern, request_language, route


@pytest.mark.parametrize(("pattern", "path", "matches"), [
    ("/*", "/", True),
    ("/*", "/en/payments/", True),
    ("/search/*", "/search/search_index.json", True),
    ("/search/*", "/searching", True),  # sic: Netlify's parser makes the slash before * optional
    ("/assets/stylesheets/main.*.min.css", "/assets/stylesheets/main.57a0d79d.min.css", True),
    ("/assets/stylesheets/main.*.min.css", "/assets/stylesheets/helpcenter.css", False),
    ("/assets/javascripts/bundle.*.min.js", "/assets/javascripts/lunr/min/lunr.ru.min.js", False),
    ("/:lang/contact", "/ru/contact/", True),
    ("/:lang/contact", "/ru/x/contact/", False),
    ("/Robots.txt", "/robots.txt", True),
])
def test_header_paths(pattern, path, matches):
    assert bool(header_pattern(pattern).match(path)) is matches


@pytest.mark.parametrize(("source", "path", "groups"), [
    ("/", "/", {}),
    ("/", "/en/", None),
    ("/en/*", "/en/no-such-page/", {"splat": "no-such-page/"}),
    ("/en/*", "/en", {"splat": None}),
    ("/en/*", "/english/", None),
    ("/news/:year/:slug", "/news/2026/hello", {"year": "2026", "slug": "hello"}),
])
def test_redirect_sources(source, path, groups):
    match = redirect_pattern(source).match(path)
    assert (match.groupdict() if match else None) == groups


@pytest.mark.parametrize(("cookie", "accept", "language"), [
    (None, "ru-RU,ru;q=0.9,en;q=0.8", "ru"),
    (None, "EN-us", "en"),
    ("nf_lang=az", "ru", "az"),
    ("theme=dark; nf_lang=tr", None, "tr"),
    ("nf_lang=", "ru", "ru"),
    ('broken="', "tr", "tr"),
    (None, None, None),
    (None, "  ", None),
])
def test_request_language(cookie, accept, language):
    assert request_language(cookie, accept) == language


FILES = {"index.html", "404.html", "ru/index.html", "ru/404.html", "ru/faq/index.html", "_headers", "assets/app.css"}
RULES = (
    Redirect("/", "/ru/", 302, True, {"Language": ("ru",)}),
    Redirect("/ru/*", "/ru/404.html", 404),
    Redirect("/old/:name", "/ru/:name/", 301),
    Redirect("/pick", "/index.html", 200, True, query={"lang": ":lang"}),
    Redirect("/*", "/404.html", 404),
)


@pytest.mark.parametrize(("path", "query", "language", "status", "file", "location"), [
    ("/", {}, "ru", 302, None, "/ru/"),  # forced: index.html does not shadow it
    ("/", {}, None, 200, "index.html", None),  # no language: the default home page
    ("/", {}, "en", 200, "index.html", None),  # a language without a rule
    ("/ru/faq/", {}, "ru", 200, "ru/faq/index.html", None),
    ("/ru/faq", {}, None, 301, None, "/ru/faq/"),  # a folder gets its slash
    ("/ru/nope/", {}, None, 404, "ru/404.html", None),  # not forced: applies only where no file is
    ("/nope", {}, "ru", 404, "404.html", None),
    ("/old/faq", {}, None, 301, None, "/ru/faq/"),
    ("/pick", {"lang": "az"}, "ru", 200, "index.html", None),
    ("/pick", {}, None, 404, "404.html", None),  # query condition not met
    ("/_headers", {}, None, 404, "404.html", None),  # Netlify never serves its own files
    ("/assets/app.css", {}, None, 200, "assets/app.css", None),
])
def test_route(path, query, language, status, file, location):
    outcome = route(path, query, language, RULES, FILES.__contains__)
    assert (outcome.status, outcome.file, outcome.location) == (status, file, location)


def test_headers_of_overlapping_rules_are_joined_so_the_overlap_shows():
    rules = (HeaderRule("/*", {"X-A": "1", "Cache-Control": "no-cache"}, "a"), HeaderRule("/assets/*", {"cache-control": "immutable"}, "b"))
    assert combined_headers(headers_for(rules, "/assets/x.css")) == {"X-A": "1", "Cache-Control": "no-cache, immutable"}
    assert combined_headers(headers_for(rules, "/x/")) == {"X-A": "1", "Cache-Control": "no-cache"}


def test_headers_file_syntax(tmp_path):
    (tmp_path / "_headers").write_text("# comment\n/*\n  X-A: 1\n  X-A: 2\n\n/en/*\n  Link: <https://x/a>; rel=preload\n", encoding="utf-8")
    rules = load_headers_file(tmp_path / "_headers")
    assert [(r.path, r.values) for r in rules] == [("/*", {"X-A": "1, 2"}), ("/en/*", {"Link": "<https://x/a>; rel=preload"})]
    (tmp_path / "_headers").write_text("X-A: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="line 1"):
        load_headers_file(tmp_path / "_headers")
    assert load_headers_file(tmp_path / "missing") == ()


def test_netlify_toml_parsing(tmp_path):
    config = tmp_path / "netlify.toml"
    config.write_text(
        '[build]\npublish = "out"\n'
        '[[redirects]]\nfrom = "/"\nto = "/tr/"\nstatus = 302\nforce = true\nconditions = {language = "tr, az"}\n'
        '[[headers]]\nfor = "/*"\n[headers.values]\nCache-Control = """public,\n  max-age=0"""\nX-List = ["a", "b"]\n',
        encoding="utf-8",
    )
    loaded = load_netlify_toml(config)
    assert loaded.publish == "out"
    assert loaded.redirects == (Redirect("/", "/tr/", 302, True, {"Language": ("tr", "az")}),)
    assert loaded.headers[0].values == {"Cache-Control": "public, max-age=0", "X-List": "a, b"}
    config.write_text('[[redirects]]\nfrom = "/"\nto = "/x/"\nconditions = {Weather = ["rain"]}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown condition 'Weather'"):
        load_netlify_toml(config)
