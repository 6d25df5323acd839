"""The local production server serves the demo build with netlify.toml's and _headers' rules."""

from __future__ import annotations

import gzip
import http.client
import json

import pytest

from production_server.check import check, fetch
from production_server.netlify_config import load_headers_file, load_netlify_toml
from tests.demo.helpers import LANGUAGES
from tests.helpers import REPO


@pytest.fixture(scope="module")
def served(demo_build):
    from production_server.server import serve_in_background

    server, base = serve_in_background(demo_build.site, REPO / "netlify.toml")
    yield base
    server.shutdown()
    server.server_close()


def test_it_serves_what_the_deploy_check_expects(served, demo_build):
    # The same check CI runs against every Netlify deploy.
    assert check(served, demo_build.site, REPO / "netlify.toml") == []


def test_every_header_in_the_files_reaches_a_page(served, demo_build):
    status, headers, _ = fetch(served, "/ru/faq/")
    assert status == 200
    config = load_netlify_toml(REPO / "netlify.toml")
    rules = [r for r in load_headers_file(demo_build.site / "_headers") + config.headers if r.path == "/*"]
    expected = {name.lower(): value for rule in rules for name, value in rule.values.items()}
    assert "content-security-policy" in expected and "strict-transport-security" in expected
    for name, value in expected.items():
        assert headers[name] == value, name
    assert headers["cache-control"] == "public, max-age=0, must-revalidate"
    assert headers["content-type"] == "text/html; charset=UTF-8"


def test_it_reads_the_files_it_is_given(tmp_path, demo_build):
    # Rules come from the file, not from code: an extra redirect and header take effect.
    from production_server.server import serve_in_background

    config = tmp_path / "netlify.toml"
    config.write_text((REPO / "netlify.toml").read_text(encoding="utf-8")
                      + '\n[[headers]]\n  for = "/en/*"\n  [headers.values]\n    X-Test = "yes"\n'
                      + '\n[[redirects]]\n  from = "/support"\n  to = "/contact/"\n  status = 301\n', encoding="utf-8")
    # Rules are tried in order: the new redirect comes after the catch-all 404 and never matches.
    server, base = serve_in_background(demo_build.site, config)
    try:
        assert fetch(base, "/en/faq/")[1]["x-test"] == "yes"
        assert "x-test" not in fetch(base, "/faq/")[1]
        assert fetch(base, "/support")[0] == 404
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_gets_its_languages_not_found_page(served, language):
    prefix = "" if language == LANGUAGES[0] else f"/{language}"
    status, _, body = fetch(served, f"{prefix}/no-such-page/")
    assert status == 404
    assert f'<html lang="{language}"'.encode() in body


def test_text_is_compressed_and_revalidation_is_cheap(served):
    status, headers, body = fetch(served, "/en/", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert b"<html" in gzip.decompress(body)
    assert fetch(served, "/en/", {"If-None-Match": headers["etag"]})[0] == 304


def test_search_pieces_are_kept_and_the_manifest_revalidated(served, demo_build):
    manifest = json.loads((demo_build.site / "search" / "en.json").read_text(encoding="utf-8"))
    for piece in (manifest["shards"][0][1], f"en/p0.{manifest['texts']}.json", next(iter(manifest["dictionary"].values()))):
        status, headers, _ = fetch(served, f"/search/{piece}")
        assert status == 200 and headers["cache-control"] == "public, max-age=31536000, immutable", piece
    status, headers, _ = fetch(served, "/search/en.json")
    assert status == 200 and headers["cache-control"] == "public, max-age=0, must-revalidate"
    status, headers, _ = fetch(served, "/search/en/no-such-piece.json")
    assert status == 404


def test_it_only_listens_on_loopback(served):
    host = served.split("//")[1].split(":")[0]
    assert host == "127.0.0.1"
    connection = http.client.HTTPConnection(served.split("//")[1], timeout=5)
    connection.request("GET", "/../../etc/passwd")
    assert connection.getresponse().status in (400, 404)
