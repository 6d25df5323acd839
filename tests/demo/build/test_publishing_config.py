"""netlify.toml read with the demo build: its language rules, caching and headers as Netlify applies them."""

from __future__ import annotations

import hashlib
import re

import pytest

from production_server.netlify_config import load_headers_file, load_netlify_toml, site_redirects
from production_server.routing import headers_for
from tests.demo.helpers import LANGUAGES
from tests.helpers import REPO

CONFIG = load_netlify_toml(REPO / "netlify.toml")
# Material's assets, our search worker, and the pieces of a language's search index (search/<lang>/).
FINGERPRINT = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$|/search-worker\.[0-9a-f]{10}\.js$|^/search/[^/]+/[^/]+\.[0-9a-f]{10}\.json$")


def _headers_for_everything(path: str) -> dict[str, str]:
    return {name.lower(): value for name, value, _ in headers_for(CONFIG.headers, path)}


@pytest.fixture(scope="module")
def redirects(demo_build):
    """The demo's rules in Netlify's order: the build's site/_redirects, then netlify.toml."""
    return site_redirects(demo_build.site, CONFIG)


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_a_browser_language_redirects_the_home_page_once(redirects, language):
    rules = [r for r in redirects if r.conditions.get("Language") == (language,)]
    assert len(rules) == 1
    rule = rules[0]
    assert (rule.source, rule.to, rule.status, rule.force) == ("/", f"/{language}/", 302, True)


def test_language_rules_only_ever_leave_the_home_page(redirects):
    language_rules = [r for r in redirects if "Language" in r.conditions]
    assert {r.source for r in language_rules} == {"/"}
    assert all(r.to != "/" for r in language_rules)
    # "/" is already Azerbaijani: a browser asking for it is served the page itself, before any redirect.
    first = language_rules[0]
    assert first.conditions["Language"] == (LANGUAGES[0],)
    assert (first.to, first.status, first.force) == ("/index.html", 200, True)
    # Language rules come before any catch-all, so the first match is the language one.
    first_catch_all = next(i for i, r in enumerate(redirects) if r.source == "/*")
    assert all(redirects.index(r) < first_catch_all for r in language_rules)


def test_each_language_has_its_own_not_found_page(redirects):
    not_found = {r.source: r.to for r in redirects if r.status == 404}
    assert not_found["/*"] == "/404.html"
    for language in LANGUAGES[1:]:
        assert not_found[f"/{language}/*"] == f"/{language}/404.html"
    # Not forced: a page that exists is never replaced by a not-found page.
    assert not any(r.force for r in redirects if r.status == 404)


def test_fingerprinted_assets_are_immutable_everything_else_revalidates(demo_build):
    rules = load_headers_file(demo_build.site / "_headers") + CONFIG.headers
    fingerprinted = 0
    for file in demo_build.site.rglob("*"):
        if not file.is_file():
            continue
        path = "/" + file.relative_to(demo_build.site).as_posix()
        found = [(n, v) for n, v, _ in headers_for(rules, path) if n.lower() == "cache-control"]
        if FINGERPRINT.search(path) and "/lunr/" not in path:
            fingerprinted += 1
            assert found == [("Cache-Control", "public, max-age=31536000, immutable")], path
        else:
            # No rule, so Netlify's default ("public, max-age=0, must-revalidate"), or an explicit revalidation.
            assert found in ([], [("Cache-Control", "public, max-age=0, must-revalidate")]), (path, found)
    assert fingerprinted >= 6  # main and palette CSS, Material's bundle and worker, ours, search pieces
    assert _headers_for_everything("/search/search_index.json")["cache-control"] == "public, max-age=0, must-revalidate"
    for language in LANGUAGES:  # each build's manifest is fetched anew; it names the pieces
        assert _headers_for_everything(f"/search/{language}.json")["cache-control"] == "public, max-age=0, must-revalidate"


def test_search_pieces_are_named_by_their_content(demo_build):
    # Kept a year by browsers, so a piece whose content changes must change its name.
    for language in LANGUAGES:
        pieces = sorted((demo_build.site / "search" / language).iterdir())
        assert {f.name[0] for f in pieces} == {"t", "d", "p"}  # term shards, dictionary, page texts
        texts = hashlib.sha256()
        for piece in sorted(pieces, key=lambda f: int(f.name[1:].split(".")[0])):
            named = re.fullmatch(r"([tdp])\d+\.([0-9a-f]{10})\.json", piece.name)
            assert named, piece
            if named.group(1) == "p":  # the page texts: one hash of them all, in page order
                texts.update(piece.read_bytes() + b"\n")
            else:
                assert hashlib.sha256(piece.read_bytes()).hexdigest()[:10] == named.group(2), piece
        assert {f.name.split(".")[1] for f in pieces if f.name[0] == "p"} == {texts.hexdigest()[:10]}


def test_no_two_rules_set_one_header_on_the_same_response(demo_build):
    # Netlify's handling of overlapping rules for one header is not something to rely on.
    rules = load_headers_file(demo_build.site / "_headers") + CONFIG.headers
    paths = ["/" + f.relative_to(demo_build.site).as_posix() for f in demo_build.site.rglob("*") if f.is_file()]
    paths += ["/", "/ru/", "/en/payments/", "/no/such/page"]
    for path in paths:
        names = [name.lower() for name, _, _ in headers_for(rules, path)]
        assert len(names) == len(set(names)), (path, sorted(names))
