"""Generator test: a team's own redirects (redirects.yml) come before the generated language rules.

Netlify applies site/_redirects before netlify.toml, so a team rule for /<lang>/... in
netlify.toml is shadowed by `/<lang>/*  /<lang>/404.html  404`. redirects.yml's rules are
written at the top of site/_redirects; the local production server follows them the same way.
"""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from production_server.netlify_config import load_netlify_toml, site_redirects
from production_server.server import serve_in_background
from tests.generator_site import Language, SiteSpec, build, write_site

MAIL = {"id": "mail", "kind": "email", "contact": {"type": "email", "value": "hilfe@ostwind.example"}, "hours": "always",
        "first_reply_minutes": [30, 240]}
SITE = SiteSpec("Ostwind", "Europe/Berlin", [Language("de", "Deutsch"), Language("el", "Ελληνικά"), Language("sr", "Српски")], [MAIL])
TEAM_RULES = """\
# Pages that moved
- from: /el/palia-selida/
  to: /el/faq/
- from: /sr/stari/*
  to: /sr/faq/
  status: 302
- from: /el/kanales/
  to: https://ostwind.example/el/contact
  status: 308
"""
NETLIFY_TOML = """\
[[redirects]]
  from = "/el/palia-selida/"
  to = "/el/contact/"
  status = 301

[[redirects]]
  from = "/*"
  to = "/404.html"
  status = 404
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = write_site(tmp_path_factory.mktemp("ostwind"), SITE)
    (root / "redirects.yml").write_text(TEAM_RULES, encoding="utf-8")
    (root / "netlify.toml").write_text(NETLIFY_TOML, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    return root


def _get(base: str, path: str) -> tuple[int, str | None]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def test_the_teams_rules_come_first_in_netlifys_order(site):
    rules = [(rule.source, rule.to, rule.status) for rule in site_redirects(site / "site", load_netlify_toml(site / "netlify.toml"))]
    assert rules[:3] == [("/el/palia-selida/", "/el/faq/", 301), ("/sr/stari/*", "/sr/faq/", 302),
                         ("/el/kanales/", "https://ostwind.example/el/contact", 308)]
    assert rules.index(("/el/*", "/el/404.html", 404)) > 2 and rules.index(("/sr/*", "/sr/404.html", 404)) > 2


def test_the_production_server_follows_them(site):
    server, base = serve_in_background(site / "site", site / "netlify.toml")
    try:
        assert _get(base, "/el/palia-selida/") == (301, "/el/faq/")  # not netlify.toml's /el/contact/: redirects.yml wins
        assert _get(base, "/sr/stari/bilo-sta") == (302, "/sr/faq/")
        assert _get(base, "/el/kanales/") == (308, "https://ostwind.example/el/contact")
        assert _get(base, "/el/no-such-page/")[0] == 404  # the language's not-found page still applies elsewhere
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(("text", "line", "message"), [
    ("- from: /el/a/\n  to: /el/b/\n  status: 299\n", 3, "'status': 299 is not one of 301, 302"),
    ("- from: el/a/\n  to: /el/b/\n", 1, "'from': 'el/a/' is not a path on this site, starting with /"),
    ("- from: /el/a/\n  too: /el/b/\n", 2, "unknown key 'too'"),
    ("- from: /\n  to: /el/\n", 1, "'/' is decided by the language rules"),
    ("from: /el/a/\n", 1, "expected a list of redirects"),
    ("- from: /el/a/\n  to: /el/b/\n- from: /el/a/\n  to: /el/c/\n", 3, "'/el/a/' is redirected already on line 1"),
])
def test_a_mistake_stops_the_build_at_its_line(tmp_path, text, line, message):
    root = write_site(tmp_path / "site", SiteSpec("Ostwind", "Europe/Berlin", [Language("de", "Deutsch")], [MAIL]))
    (root / "redirects.yml").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.returncode != 0 and "Traceback" not in result.output
    errors = [row for row in result.output.splitlines() if row.startswith("ERROR")]
    assert len(errors) >= 1 and f"Error in 'redirects.yml', line {line}: {message}" in errors[0], result.output
