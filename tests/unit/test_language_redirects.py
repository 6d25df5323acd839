"""site/_redirects from the configured languages, read back as Netlify (and our server) read it."""

from __future__ import annotations

import pytest

from helpcenter.language_redirects import redirects_text
from production_server.netlify_config import ConfigError, Redirect, load_redirects_file
from production_server.routing import route


def _rules(tmp_path, languages):
    path = tmp_path / "_redirects"
    path.write_text(redirects_text(languages), encoding="utf-8")
    return load_redirects_file(path)


def test_an_english_default_with_german(tmp_path):
    assert _rules(tmp_path, ("en", "de")) == (
        Redirect("/", "/index.html", 200, True, {"Language": ("en",)}),
        Redirect("/", "/de/", 302, True, {"Language": ("de",)}),
        Redirect("/de/*", "/de/404.html", 404),
    )


@pytest.mark.parametrize(("language", "status", "served"), [("kk", 302, "/kk/"), ("tr", 200, "index.html"), ("en", 302, "/en/"), (None, 200, "index.html")])
def test_turkish_default_serves_turkish_at_the_root(tmp_path, language, status, served):
    rules = _rules(tmp_path, ("tr", "en", "kk")) + (Redirect("/*", "/404.html", 404),)
    files = {"index.html", "en/index.html", "kk/index.html", "404.html", "kk/404.html"}
    outcome = route("/", {}, language, rules, files.__contains__)
    assert outcome.status == status and served in (outcome.location, outcome.file)
    assert route("/kk/nope/", {}, None, rules, files.__contains__).file == "kk/404.html"


def test_a_line_without_a_target_is_named(tmp_path):
    path = tmp_path / "_redirects"
    path.write_text("# comment\n\n/only-from\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"_redirects, line 3"):
        load_redirects_file(path)
