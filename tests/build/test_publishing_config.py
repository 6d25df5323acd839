"""netlify.toml and the CI workflow, read as Netlify and GitHub read them."""

from __future__ import annotations

import re
import tomllib

import yaml

from production_server.netlify_config import load_netlify_toml
from production_server.routing import header_pattern, headers_for
from tests.helpers import REPO

TOML = tomllib.loads((REPO / "netlify.toml").read_text(encoding="utf-8"))
CONFIG = load_netlify_toml(REPO / "netlify.toml")
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
YEAR = 365 * 24 * 3600


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
