"""A few real builds from fuzzed input (issue 12): many examples go to the pure loaders, a handful here.

- A file the loader rejects makes the strict build exit non-zero with an error naming it, no traceback.
- Hostile text the loaders accept (brand, labels, titles, interface texts) reaches the HTML only escaped.
"""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from helpcenter.support_data import SupportDataError, load_support_data
from helpcenter.yaml_source import SourceError
from tests.fuzz.mutations import HOSTILE as HOSTILE_VALUES
from tests.fuzz.mutations import mutated
from tests.fuzz.tally import COUNTS
from tests.fuzz.test_fuzz_loaders import LANGUAGES, SPEC, SUPPORT, _file
from tests.generator_site import Language, SiteSpec, build, page, write_site

FEW = settings(max_examples=3, derandomize=True, deadline=None, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
SCRIPT = "<script>alert('hc')</script>"
IMAGE = '"><img src=x onerror=alert(1)>'
HOSTILE = f"{SCRIPT}{IMAGE} \u202eRTL 😀"


def _rejected(raw: bytes) -> bool:
    try:
        load_support_data(_file("support.yml", raw), LANGUAGES)
    except (SupportDataError, SourceError):
        return True
    return False


@FEW
@given(mutated(SUPPORT))
def test_rejected_support_yml_fails_the_strict_build_without_traceback(tmp_path_factory, raw):
    assume(_rejected(raw))
    root = write_site(tmp_path_factory.mktemp("fuzzed"), SPEC)
    (root / "support.yml").write_bytes(raw)
    result = build(root)
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert any(row.startswith("ERROR") and "Error in 'support.yml', line " in row for row in result.output.splitlines()), result.output


def test_hostile_text_reaches_the_html_only_escaped(tmp_path):
    spec = SiteSpec("B <img src=x onerror=alert(1)>", "Europe/Warsaw", [Language("pl", "Polski"), Language("de", "Deutsch", strings={"router_title": HOSTILE})],  # no '"': page() puts the brand in double quotes
                    [{**SPEC.channels[0], "name": {"pl": f"Mail {HOSTILE}", "de": "Mail"}}],
                    [{"id": "payout", "label": {"pl": f"Wypłata {HOSTILE}", "de": f"Auszahlung {HOSTILE}"}, "channels": ["mail"], "documents": [],
                      "escalation": False, "article": "faq"}])
    root = write_site(tmp_path / "hostile", spec)  # the home page's title is the brand: hostile too
    quoted = yaml.safe_dump(f"Pytania {HOSTILE}", allow_unicode=True).split("\n")[0]
    for language in ("pl", "de"):  # an article's title (header, nav, <title>, og:title) and description
        text = page("faq", "FAQ", "## Jak?\n\nTekst.\n\n{{ table:channels }}")
        text = text.replace('title: "FAQ"', f"title: {quoted}").replace('description: "FAQ."', f"description: {quoted}")
        (root / f"docs/{language}/faq.md").write_text(text, encoding="utf-8")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = ["index.md", {f"Pomoc {HOSTILE}": ["contact.md", "faq.md"]}]  # a nav section and its translation
    config["plugins"]["i18n"]["languages"][1]["nav_translations"] = {f"Pomoc {HOSTILE}": f"Hilfe {IMAGE}"}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    pages = sorted((root / "site").rglob("*.html"))
    assert pages
    seen_escaped = False
    for path in pages:
        html = path.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert not [s for s in soup.find_all("script") if "alert('hc')" in s.get_text()], path
        assert not soup.find_all(attrs={"onerror": True}), path
        assert SCRIPT not in html and "<img src=x" not in html, path
        seen_escaped = seen_escaped or "&lt;script&gt;alert(" in html
        assert "&amp;lt;" not in html, path  # escaped once
    assert seen_escaped  # the text is there, as text
    faq = BeautifulSoup((root / "site/faq/index.html").read_text(encoding="utf-8"), "html.parser")
    assert faq.title.get_text().startswith(f"Pytania {HOSTILE}")  # shown as written


TITLES = st.lists(st.sampled_from(HOSTILE_VALUES + ("&", "Deposits & withdrawals", '"', "'", "\u202e", "😀")), min_size=1, max_size=4).map(" ".join)


@settings(FEW, phases=(Phase.explicit, Phase.generate))  # no shrinking: each example is a build
@given(TITLES, TITLES)
def test_hostile_titles_show_literally_or_fail_the_build_cleanly(tmp_path_factory, title, section):
    """A front matter title and a nav section title: the strict build either fails with an error naming the
    article (no traceback) or shows both as written, with no element or attribute of their own."""
    count = COUNTS["titles (build)"]
    count["examples"] += 1
    root = write_site(tmp_path_factory.mktemp("titles"), SPEC)
    quoted = yaml.safe_dump(title, allow_unicode=True, width=1_000).split("\n")[0]
    for language in ("pl", "de"):
        (root / f"docs/{language}/faq.md").write_text(page("faq", "FAQ", "## Jak?\n\nTekst.").replace('title: "FAQ"', f"title: {quoted}"), encoding="utf-8")
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = ["index.md", {f"S {section}": ["contact.md", "faq.md"]}]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build(root)
    if result.returncode != 0:
        count["rejected"] += 1
        assert "Traceback" not in result.output, result.output
        assert "faq.md" in result.output, result.output
        return
    count["accepted"] += 1
    for path in sorted((root / "site").rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all(["img", "svg"], attrs={"onerror": True}) and not soup.find_all(attrs={"onload": True}), path
        assert not [s for s in soup.find_all("script") if "alert(" in s.get_text()], path
        assert len(soup.find_all("title")) == 1, path
    faq = BeautifulSoup((root / "site/faq/index.html").read_text(encoding="utf-8"), "html.parser")
    assert faq.title.get_text().startswith(title + " - "), faq.title
    assert " ".join(f"S {section}".split()) in [" ".join(t.get_text().split()) for t in faq.select(".md-tabs__link")]
