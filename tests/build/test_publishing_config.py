"""netlify.toml, the CI workflow and the rules a build writes (site/_redirects, site/_headers), read as Netlify
and GitHub read them. The build is the tests' own: Ukrainian default with English and Georgian."""

from __future__ import annotations

import hashlib
import re
import tomllib

import pytest
import yaml

from production_server.netlify_config import load_headers_file, load_netlify_toml, site_redirects
from production_server.routing import header_pattern, headers_for
from tests.generator_site import Language, SiteSpec, build, write_site
from tests.helpers import REPO

TOML = tomllib.loads((REPO / "netlify.toml").read_text(encoding="utf-8"))
CONFIG = load_netlify_toml(REPO / "netlify.toml")
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
YEAR = 365 * 24 * 3600
# Material's assets, our search worker, and the pieces of a language's search index (search/<lang>/).
FINGERPRINT = re.compile(r"\.[0-9a-f]{8}\.min\.(css|js)$|/search-worker\.[0-9a-f]{10}\.js$|^/search/[^/]+/[^/]+\.[0-9a-f]{10}\.json$")
LANGUAGES = ("uk", "en", "ka")  # default first
SPEC = SiteSpec("Fjordline", "Europe/Kyiv", [Language("uk", "Українська"), Language("en", "English"), Language("ka", "ქართული")],
                [{"id": "lyst", "kind": "email", "contact": {"type": "email", "value": "help@fjordline.example"}, "hours": "always",
                  "first_reply_minutes": [15, 90]}])


@pytest.fixture(scope="module")
def own_build(tmp_path_factory):
    result = build(write_site(tmp_path_factory.mktemp("fjordline"), SPEC))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def redirects(own_build):
    """The site's rules in Netlify's order: the build's site/_redirects, then netlify.toml."""
    return site_redirects(own_build.site, CONFIG)


def _headers_for_everything(path: str) -> dict[str, str]:
    return {name.lower(): value for name, value, _ in headers_for(CONFIG.headers, path)}


def test_netlify_builds_like_ci():
    build = TOML["build"]
    assert build["publish"] == "site"
    assert "pip install" in build["command"] and "-r requirements.txt" in build["command"]
    assert re.search(r"\bmkdocs build --strict\b", build["command"])
    job = WORKFLOW["jobs"]["test"]
    assert job["container"] == f"python:{build['environment']['PYTHON_VERSION']}-bookworm"
    # `make build` is what CI publishes: the same strict build.
    assert re.search(r"^build:.*\n\t\$\(BIN\)/mkdocs build --strict$", (REPO / "Makefile").read_text(), re.M)


def test_every_path_gets_the_security_headers():
    for path in ("/", "/ru/faq/", "/assets/javascripts/bundle.a5f9d56c.min.js", "/search/search_index.json", "/no/such/page"):
        headers = _headers_for_everything(path)
        hsts = dict(re.findall(r"([\w-]+)=?(\d*)", headers["strict-transport-security"]))
        assert int(hsts["max-age"]) >= YEAR and "includeSubDomains" in hsts
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] in ("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
        assert headers["x-frame-options"] == "DENY"
        features = dict(item.split("=") for item in headers["permissions-policy"].split(", "))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb", "display-capture"):
            assert features[feature] == "()", feature


def test_the_content_security_policy_is_left_to_the_build():
    # Its script hashes are computed by the build (site/_headers); one here would be a second, conflicting policy.
    assert not any("content-security-policy" in {n.lower() for n in rule.values} for rule in CONFIG.headers)


def test_header_patterns_are_ones_netlify_understands():
    for rule in CONFIG.headers:
        assert rule.path.startswith("/"), rule.path
        assert header_pattern(rule.path).match(rule.path.replace("*", "x")), rule.path


def _on(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def test_workflow_runs_on_pull_requests_and_main():
    on = _on(WORKFLOW)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_workflow_tests_before_it_publishes():
    jobs = WORKFLOW["jobs"]
    commands = [step.get("run", "") for step in jobs["test"]["steps"]]
    assert any(re.search(r"\bmake test\b", c) for c in commands)  # lint + the whole suite, strict builds included
    assert any(re.search(r"\bmake build\b", c) for c in commands)
    upload = next(s for s in jobs["test"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == TOML["build"]["publish"]
    for name, event, flag in (("preview", "pull_request", "--alias"), ("production", "push", "--prod")):
        job = jobs[name]
        needs = job["needs"] if isinstance(job["needs"], list) else [job["needs"]]
        assert "test" in needs
        conditions = [job.get("if", "")] + [s.get("if", "") for s in job["steps"]]
        # always(), failure() or cancelled() would let a deploy run after a failed test job.
        assert not any(re.search(r"\b(always|failure|cancelled)\(\)", c) for c in conditions), name
        assert f"github.event_name == '{event}'" in job["if"]
        deploy = next(s["run"] for s in job["steps"] if "deploy" in s.get("run", ""))
        assert "--no-build" in deploy and "--dir site" in deploy and flag in deploy
        assert job["env"]["NETLIFY_AUTH_TOKEN"] == "${{ secrets.NETLIFY_AUTH_TOKEN }}"
        assert job["env"]["NETLIFY_SITE_ID"] == "${{ secrets.NETLIFY_SITE_ID }}"
        steps = job["steps"]
        download = next(i for i, s in enumerate(steps) if s.get("uses", "").startswith("actions/download-artifact@"))
        deploy_at = next(i for i, s in enumerate(steps) if "deploy" in s.get("run", ""))
        check_at = next(i for i, s in enumerate(steps) if "production_server.check" in s.get("run", ""))
        assert download < deploy_at < check_at
    assert jobs["production"]["if"].endswith("github.ref == 'refs/heads/main'")


def test_workflow_pins_and_caches_its_dependencies():
    assert re.fullmatch(r"netlify-cli@\d+\.\d+\.\d+", WORKFLOW["env"]["NETLIFY_CLI"])
    cache = next(s for s in WORKFLOW["jobs"]["test"]["steps"] if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "~/.cache/pip"
    assert "hashFiles('requirements.txt', 'requirements-dev.txt')" in cache["with"]["key"]
    for job in WORKFLOW["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.search(r"@v\d+$", step["uses"]), step["uses"]


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
    # "/" is already Ukrainian: a browser asking for it is served the page itself, before any redirect.
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


def test_fingerprinted_assets_are_immutable_everything_else_revalidates(own_build):
    rules = load_headers_file(own_build.site / "_headers") + CONFIG.headers
    fingerprinted = 0
    for file in own_build.site.rglob("*"):
        if not file.is_file():
            continue
        path = "/" + file.relative_to(own_build.site).as_posix()
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


def test_search_pieces_are_named_by_their_content(own_build):
    # Kept a year by browsers, so a piece whose content changes must change its name.
    for language in LANGUAGES:
        pieces = sorted((own_build.site / "search" / language).iterdir())
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


def test_no_two_rules_set_one_header_on_the_same_response(own_build):
    # Netlify's handling of overlapping rules for one header is not something to rely on.
    rules = load_headers_file(own_build.site / "_headers") + CONFIG.headers
    paths = ["/" + f.relative_to(own_build.site).as_posix() for f in own_build.site.rglob("*") if f.is_file()]
    paths += ["/", "/en/", "/ka/faq/", "/no/such/page"]
    for path in paths:
        names = [name.lower() for name, _, _ in headers_for(rules, path)]
        assert len(names) == len(set(names)), (path, sorted(names))
