"""Issue 11, "Done when": another team adopts the generator with only documented commands and data edits.

Novabet: Turkish default, English and Kazakh (which Material lacks), a Telegram channel (24/7, first reply
5-30 min) and a `bonus` problem type that recommends Telegram then chat, needs screenshots and escalates.
Made with `make new-site` from a generator checkout of its own, edited as data, translated with
`make mark-current`, built with `make build`; the generator's unit tests then pass on that copy."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from bs4 import BeautifulSoup

from helpcenter.search_split import join_search_file
from helpcenter.search_text import load_rules, terms
from tests.adoption import VENV, generator_checkout, make, run

KAZAKH_FAQ = """---
id: faq
title: "Жиі қойылатын сұрақтар"
description: "Ойыншылар жиі қоятын сұрақтарға қысқа жауаптар."
last_reviewed: 2026-12-01
---

## Қолдау қызметі қаншалықты жылдам жауап береді?

Онлайн-чатта алғашқы жауап {{ reply:chat }} ішінде, электрондық поштамен {{ reply:email }} ішінде келеді.
"""
TELEGRAM = {"id": "telegram", "kind": "messenger", "icon": "fontawesome/brands/telegram",
            "name": {"tr": "Telegram", "en": "Telegram", "kk": "Telegram"},
            "contact": {"type": "url", "value": "https://t.me/novabet_support"}, "hours": "always", "first_reply_minutes": [5, 30],
            "languages": ["tr", "en", "kk"],
            "best_for": {"tr": "Bonus ve promosyon soruları", "en": "Bonus and promotion questions", "kk": "Бонус және акция туралы сұрақтар"}}
BONUS = {"id": "bonus", "label": {"tr": "Bonusum hesabıma geçmedi", "en": "My bonus was not credited", "kk": "Бонус есептелмеді"},
         "channels": ["telegram", "chat"], "documents": ["screenshots"], "escalation": True, "article": "faq"}


def page(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def novabet(tmp_path_factory):
    base = tmp_path_factory.mktemp("adoption")
    generator = generator_checkout(base / "generator")
    root = base / "novabet"
    make("new-site", generator, f"DIR={root}", "BRAND=Novabet", "LANGUAGES=tr,en,kk", "TIMEZONE=Europe/Istanbul")
    # Data edits, as the README says: a channel and a problem type in support.yml...
    support = root / "support.yml"
    data = yaml.safe_load(support.read_text(encoding="utf-8"))
    data["channels"].insert(1, TELEGRAM)
    data["problems"].insert(0, BONUS)
    support.write_text("# yaml-language-server: $schema=./support.schema.json\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                       encoding="utf-8")
    # ...and a Kazakh translation of the FAQ, checked and recorded with make mark-current.
    (root / "docs" / "kk" / "faq.md").write_text(KAZAKH_FAQ, encoding="utf-8")
    marked = make("mark-current", root, "ID=faq", "IN=kk")
    built = make("build", root, check=False)
    return root, marked, built


def test_the_strict_build_passes(novabet):
    root, marked, built = novabet
    assert "docs/kk/faq.md" in marked.stdout + marked.stderr
    assert built.returncode == 0, built.stdout + built.stderr
    assert "mkdocs build --strict" in built.stdout
    status = make("status", root).stdout.splitlines()
    assert any(line.split()[:3] == ["faq", "kk", "current"] for line in status), status


def test_each_language_has_its_html_lang(novabet):
    site = novabet[0] / "site"
    assert [page(site, path).html["lang"] for path in ("", "en", "kk")] == ["tr", "en", "kk"]


def test_one_search_index_per_language_and_kazakh_words_are_found_in_kazakhs(novabet):
    site = novabet[0] / "site"
    search = site / "search"
    files = {path.relative_to(search).as_posix(): path.read_text(encoding="utf-8") for path in search.rglob("*.json")}
    assert {"tr.json", "en.json", "kk.json"} <= set(files)
    rules = load_rules()
    kk = json.dumps(join_search_file(files, "kk")["index"], ensure_ascii=False)
    tr = json.dumps(join_search_file(files, "tr")["index"], ensure_ascii=False)
    term = terms("жауап", rules.language("kk"), rules)[0]  # a word of the Kazakh FAQ
    assert f'"{term}"' in kk and f'"{term}"' not in tr


def test_the_contact_widget_offers_the_bonus_problem_and_recommends_telegram(novabet):
    site = novabet[0] / "site"
    for path in ("contact", "en/contact", "kk/contact"):
        route = page(site, path).select_one('[data-contact-router] [data-problem="bonus"]')
        assert route is not None, path
        channels = route.select("li.hc-channel")
        assert [li["data-channel"] for li in channels] == ["telegram", "chat"]
        assert channels[0]["data-recommended-channel"] == "telegram" and channels[0]["data-channel-kind"] == "messenger"
        assert channels[0].select_one(".hc-channel__action a")["href"] == "https://t.me/novabet_support"
        assert [li["data-document"] for li in route.select("[data-documents] li[data-document]")] == ["screenshots"]
        assert route.select("[data-escalation] [data-level]")
    assert page(site, "en/contact").select_one('[data-problem="bonus"]').get_text(" ").count("My bonus was not credited") >= 1


def test_no_trace_of_the_demos_brand_or_languages(novabet):
    site = novabet[0] / "site"
    demo_languages = re.compile(r"lang=\"(az|ru)\"|hreflang=\"(az|ru)\"|/(az|ru)/|Language=(az|ru)\b")
    for file in site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".json", ".xml", ".txt", ""}:  # pages, search, sitemap, robots, _redirects, _headers
            text = file.read_text(encoding="utf-8", errors="replace")
            assert "Lumora" not in text and "lumora" not in text, file
            assert not demo_languages.search(text), (file, demo_languages.search(text))
    assert not (site / "az").exists() and not (site / "ru").exists()


def test_the_generators_lint_and_unit_tests_pass_on_the_adopted_copy(novabet):
    root = novabet[0]
    assert "All checks passed!" in make("lint", root).stdout  # `make lint` over the copy, which has no bench/
    done = run([str(VENV / "bin" / "python"), "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "tests/unit"], root, check=False)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"\b\d{3,} passed\b", done.stdout), done.stdout[-500:]
