"""The search the build writes, on the tests' own help center: one file per language, our worker on every page,
the same scores as lunr.py, fallbacks marked, the site's synonyms checked.

The site: Ostrea, English default with Ukrainian and Greek, its own articles and synonyms; one article
is not translated into Greek.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from urllib.parse import urljoin, urlparse

import pytest

from helpcenter.search_index import location
from helpcenter.search_query import query_units
from helpcenter.search_synonyms import load_synonyms
from helpcenter.search_text import load_rules
from tests.generator_site import Language, SiteSpec, build, page, write_site
from tests.helpers import REPO, read_search_file
from tests.search_reference import expanded, rank
from tests.unit.test_search_js import node

RULES = load_rules()
LANGUAGES = ("en", "uk", "el")
GREEK_FALLBACK = "Δεν έχει μεταφραστεί ακόμη ({original})"
SPEC = SiteSpec("Ostrea", "Europe/Athens",
                [Language("en", "English"), Language("uk", "Українська"), Language("el", "Ελληνικά", strings={"search_fallback": GREEK_FALLBACK})],
                [{"id": "mail", "kind": "email", "contact": {"type": "email", "value": "help@ostrea.example"}, "hours": "always",
                  "first_reply_minutes": [10, 60]}])
ARTICLES = {
    "withdrawals": {
        "en": ("Withdrawals", "## How long a withdrawal takes\n\nA withdrawal to a card takes up to three banking days.\n\n"
                              "## When a withdrawal is refused\n\nThe name on the card must match the account."),
        "uk": ("Виведення коштів", "## Скільки триває виведення\n\nВиведення на картку триває до трьох банківських днів.\n\n"
                                   "## Коли виведення відхилено\n\nІм'я на картці має збігатися з обліковим записом."),
        "el": ("Αναλήψεις", "## Πόσο διαρκεί μια ανάληψη\n\nΜια ανάληψη σε κάρτα διαρκεί έως τρεις εργάσιμες ημέρες.\n\n"
                            "## Όταν απορρίπτεται μια ανάληψη\n\nΤο όνομα στην κάρτα πρέπει να ταιριάζει με τον λογαριασμό."),
    },
    "verification": {
        "en": ("Verification", "## Documents we ask for\n\nA passport or an identity card, and a utility bill.\n\n"
                               "## How long verification takes\n\nUsually one day."),
        "uk": ("Верифікація", "## Які документи потрібні\n\nПаспорт або посвідчення особи та рахунок за комунальні послуги.\n\n"
                              "## Скільки триває верифікація\n\nЗазвичай один день."),
    },  # not yet in Greek
}
SYNONYMS = "en:\n  - [withdrawal, cashout, cash out]\nuk:\n  - [виведення, зняття]\nel:\n  - [ανάληψη, εξαργύρωση]\n"
QUERIES = {
    "en": ["withdrawal", "cashout", "widthdrawal", "passport", "how long", "verifcation"],
    "uk": ["виведення", "зняття коштів", "паспорт", "верифікації", "vyvedennia"],
    "el": ["ανάληψη", "αναληψη", "εξαργύρωση", "κάρτα", "διαβατήριο", "verification"],
}


def _write(root):
    write_site(root, SPEC)
    for article_id, texts in ARTICLES.items():
        for language, (title, body) in texts.items():
            (root / "docs" / language / f"{article_id}.md").write_text(page(article_id, title, body), encoding="utf-8")
    (root / "synonyms.yml").write_text(SYNONYMS, encoding="utf-8")
    for language in LANGUAGES:  # as teams write them: the home page is where searching starts, the contact page offers it first
        home, contact = root / "docs" / language / "index.md", root / "docs" / language / "contact.md"
        home.write_text(home.read_text(encoding="utf-8").replace("---\n\n", "search: {exclude: true}\n---\n\n", 1), encoding="utf-8")
        contact.write_text(contact.read_text(encoding="utf-8").replace("{{ widget:contact-router }}", "{{ widget:search }}\n\n{{ widget:contact-router }}"),
                           encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - faq.md\n", "      - faq.md\n      - withdrawals.md\n      - verification.md\n"),
                      encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(_write(tmp_path_factory.mktemp("ostrea")))
    assert result.returncode == 0, result.output
    return result


def _prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_has_its_own_search_file(site, language):
    data = read_search_file(site.site, language)
    assert data["language"] == language
    others = tuple(_prefix(other) for other in LANGUAGES if other != language and _prefix(other))
    locations = [location(data, number) for number in range(len(data["docs"]))]
    assert locations and all(url.startswith(_prefix(language)) and not url.startswith(others) for url in locations)
    assert {p[1] for p in data["pages"]} == {"contact", "faq", "withdrawals", "verification"}  # not the home page: search: exclude
    fallbacks = {p[1]: p[2] for p in data["pages"] if p[2]}
    assert fallbacks == ({"verification": "en"} if language == "el" else {})


def test_materials_merged_index_holds_no_text(site):
    data = json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["docs"] == []
    assert data["config"]["separator"]  # Material's page highlighter still reads it


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("article_id", ["home", "contact", "withdrawals"])
def test_pages_use_our_worker_with_their_languages_file(site, language, article_id):
    path = _prefix(language) + ("" if article_id == "home" else f"{article_id}/")
    config = json.loads(site.page(path).select_one("script#__config").string)
    worker = urljoin(f"http://127.0.0.1/{path}", config["search"])
    assert re.fullmatch(r"/assets/javascripts/helpcenter/search-worker\.[0-9a-f]{10}\.js", urlparse(worker).path), worker
    assert urlparse(urljoin(worker, urlparse(worker).fragment)).path == f"/search/{language}.json"
    assert (site.site / urlparse(worker).path.lstrip("/")).is_file()


def test_worker_is_one_file_of_our_text_code_and_the_worker(site):
    bundles = list((site.site / "assets" / "javascripts" / "helpcenter").glob("search-worker.*.js"))
    assert len(bundles) == 1
    text = bundles[0].read_text(encoding="utf-8")
    sources = ["assets/javascripts/helpcenter/search-text.js", "assets/javascripts/helpcenter/search-worker.js"]
    positions = [text.index((REPO / "overrides" / source).read_text(encoding="utf-8").rstrip()) for source in sources]
    assert positions == sorted(positions)
    assert hashlib.sha256(text.encode()).hexdigest()[:10] in bundles[0].name


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_and_contact_have_the_same_search_box(site, language):
    boxes = []
    for path in (_prefix(language), _prefix(language) + "contact/"):
        html = site.page(path)
        box = html.select(".md-content [data-hc-search-open]")
        assert len(box) == 1 and box[0].name == "button" and box[0]["type"] == "button", path
        boxes.append((box[0]["class"], box[0].get_text(strip=True)))
        assert any(s.get("src", "").endswith("assets/javascripts/helpcenter/search-ui.js") for s in html.select("script[src]"))
    assert boxes[0] == boxes[1] and boxes[0][1]


def test_build_reports_indexing(site):
    assert "search: " in site.output and " sections in 3 languages indexed in " in site.output


@pytest.mark.parametrize("language", LANGUAGES)
def test_worker_scores_like_lunr_py(site, language, tmp_path):
    """The real worker (node) and lunr.py's own Index on the same file give the same articles and scores."""
    synonyms = load_synonyms(str(site.site.parent / "synonyms.yml"), LANGUAGES, RULES).for_language(language)
    (tmp_path / "queries.json").write_text(json.dumps(QUERIES[language]), encoding="utf-8")
    results = node(str(REPO / "tests" / "js" / "worker_run.cjs"), str(site.site / "search" / f"{language}.json"), str(tmp_path / "queries.json"))["results"]
    payload = read_search_file(site.site, language)
    found = 0
    for query, result in zip(QUERIES[language], results, strict=True):
        expected = rank(payload, expanded(payload, query, RULES, synonyms))
        groups = result["data"]["items"]
        assert [group[0]["location"].split("#")[0] for group in groups] == [location(payload, article) for article, _, _ in expected], query
        for group, (_, _, best) in zip(groups, expected, strict=True):
            assert math.isclose(group[0]["score"], best, rel_tol=1e-9), query
        found += bool(groups)
    assert found >= len(QUERIES[language]) - 1  # the queries are the site's own words: nearly all find something


@pytest.mark.parametrize(("language", "query", "article"), [
    ("en", "cash out", "withdrawals/"), ("uk", "зняття", "uk/withdrawals/"), ("el", "εξαργύρωση", "el/withdrawals/"),
])
def test_the_sites_synonyms_find_the_article(site, language, query, article):
    data = read_search_file(site.site, language)
    synonyms = load_synonyms(str(site.site.parent / "synonyms.yml"), LANGUAGES, RULES).for_language(language)
    assert location(data, rank(data, expanded(data, query, RULES, synonyms))[0][0]) == article


def test_an_untranslated_article_is_found_in_the_original_and_says_so(site):
    data = read_search_file(site.site, "el")
    assert [p for p in data["pages"] if p[1] == "verification"] == [["el/verification/", "verification", "en"]]
    assert data["labels"]["fallback"] == "Δεν έχει μεταφραστεί ακόμη (Αγγλικά)"  # {original}: English, named in Greek
    # Typed on a Greek page, found in the English text, as the worker asks (words, then their near forms).
    assert location(data, rank(data, expanded(data, "passport", RULES, ()))[0][0]) == "el/verification/"
    assert location(data, rank(data, query_units("ανάληψη", RULES.language("el"), RULES, ()))[0][0]) == "el/withdrawals/"


def test_a_mistake_in_synonyms_fails_the_build_with_file_and_line(tmp_path):
    root = _write(tmp_path / "ostrea")
    (root / "synonyms.yml").write_text(SYNONYMS.replace("  - [виведення, зняття]", "  - [виведення]"), encoding="utf-8")
    result = build(root)
    assert result.returncode != 0 and "Traceback" not in result.output
    assert "Error in 'synonyms.yml', line 4: uk[0]: a group is a list of at least two words" in result.output, result.output


def test_without_the_search_hook_pages_keep_materials_search(tmp_path):
    root = _write(tmp_path / "ostrea")
    base = root / "generator" / "mkdocs.base.yml"
    assert "  - hooks/search.py\n" in base.read_text(encoding="utf-8")
    base.write_text(base.read_text(encoding="utf-8").replace("  - hooks/search.py\n", ""), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    config = json.loads(result.page("uk/faq/").select_one("script#__config").string)
    assert re.search(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js$", config["search"]), config["search"]
    assert json.loads((result.site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_contact_widgets_answers_stay_out_of_the_contact_pages_search_text(site, language):
    """Issue 13: the widget's answers (where to write, what to prepare...) ran together in the contact page's snippet;
    the problems' names stay findable."""
    contact = site.page(f"{_prefix(language)}contact/")
    routes = contact.select("details[data-problem]")
    assert routes
    data = read_search_file(site.site, language)
    page_number = next(i for i, row in enumerate(data["pages"]) if row[0] == f"{_prefix(language)}contact/")
    text = " ".join(doc[3] for doc in data["docs"] if doc[0] == page_number)
    for route in routes:
        assert route.select_one("summary").get_text(strip=True) in text
        for part in route.select("h3, .hc-route__more"):  # texts only the answers have
            assert part.get_text(" ", strip=True) not in text, part
