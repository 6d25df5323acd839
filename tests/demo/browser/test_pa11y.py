"""A second accessibility engine: pa11y's HTML_CodeSniffer (WCAG 2 AA) in Debian's Chromium finds no
error that our templates or styles cause, on the demo's page types in every language and both palettes.

Errors that Material's stock templates cause on every Material site are listed (and only those):
its header's search and palette forms have no submit button, and its hidden table-of-contents
toggle has no label on a page without headings.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.demo.helpers import LANGUAGES, article_path
from tests.helpers import REPO

pytestmark = pytest.mark.browser

A11Y = REPO / "tests" / "a11y"
PAGES = ["home", "contact", "contact-channels", "payments", "faq"]
MATERIAL_STOCK = {
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", "html > body > header > nav > form"),
    ("WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", "html > body > header > nav > div:nth-child(8) > div > form"),
    ("WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name", "#__toc"),
    ("WCAG2AA.Principle1.Guideline1_3.1_3_1.F68", "#__toc"),
}


def pa11y(scheme: str, urls: list[str]) -> dict[str, list[dict]]:
    assert (A11Y / "node_modules" / "pa11y").is_dir(), "pa11y is not installed: run `make test` (npm ci in tests/a11y)"
    done = subprocess.run(["node", str(A11Y / "run.cjs"), scheme, *urls], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def ours(results: dict[str, list[dict]]) -> list[str]:
    return [f"{url}: {issue['code']} at {issue['selector']}: {issue['message'][:160]}"
            for url, issues in results.items() for issue in issues if (issue["code"], issue["selector"]) not in MATERIAL_STOCK]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pa11y_finds_no_error_of_ours(site_url, scheme):
    languages = LANGUAGES if scheme == "light" else LANGUAGES[2:3]  # colours differ by palette, not by language
    urls = [site_url + article_path(language, page) for language in languages for page in PAGES]
    urls += [site_url + article_path(languages[0], "contact") + "?problem=withdrawal", site_url + "404.html"]
    results = pa11y(scheme, urls)
    assert set(results) == set(urls)
    assert ours(results) == []


def test_pa11y_reports_what_it_finds(tmp_path):
    # The engine runs and reports: a page with an unlabelled field and low contrast is not clean.
    page = Path(tmp_path) / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>t</title><p style="color:#aaa;background:#fff">grey</p>'
                    '<form><input type="text"></form></html>', encoding="utf-8")
    codes = {issue["code"].split(".")[-2] + "." + issue["code"].split(".")[-1] for issue in pa11y("light", [page.as_uri()])[page.as_uri()]}
    assert any("G18" in code or "G145" in code for code in codes) and any("H32" in code or "F68" in code for code in codes), codes
