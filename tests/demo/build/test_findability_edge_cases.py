"""Findability when the content is not the demo's: missing translations, hostile text, no questions."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

SITE_URL = "https://help.lumora.example/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def test_untranslated_pages_and_hostile_answers(project):
    # Russian has no payments article: /ru/payments/ shows the Azerbaijani text.
    (project.root / "docs/ru/payments.md").unlink()
    # An answer that tries to close the JSON-LD script and open one of its own.
    project.replace("docs/en/faq.md", "Quote it every time you contact us about the same case.",
                    "Quote it every time. `</script><script>alert(1)</script>` & <b>never</b> share it.")
    result = project.build()
    assert result.returncode == 0, result.output

    root = ET.parse(result.site / "sitemap.xml").getroot()
    entries = {u.find("s:loc", NS).text: {x.get("hreflang"): x.get("href") for x in u.findall("x:link", NS)} for u in root.findall("s:url", NS)}
    assert f"{SITE_URL}ru/payments/" not in entries  # not a Russian page
    assert set(entries[f"{SITE_URL}payments/"]) == {"az", "en", "tr", "x-default"}
    assert entries[f"{SITE_URL}ru/faq/"]["ru"] == f"{SITE_URL}ru/faq/"

    fallback = result.page("ru/payments/")
    assert fallback.select_one('link[rel="canonical"]')["href"] == f"{SITE_URL}payments/"
    assert "ru_RU" not in {m["content"] for m in fallback.select('meta[property="og:locale:alternate"]')}

    page = result.page("en/faq/")
    scripts = page.select("script")
    assert not [s for s in scripts if "alert(1)" in (s.string or "") and s.get("type") != "application/ld+json"]
    (data,) = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    answer = next(q["acceptedAnswer"]["text"] for q in data["mainEntity"] if q["name"] == "What should I do if your reply is late?")
    assert "</script><script>alert(1)</script>" in answer and "& never share it." in answer
    raw = (result.site / "en/faq/index.html").read_text(encoding="utf-8")
    json_text = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S).group(1)
    assert "<" not in json_text  # escaped as \u003c: the script element cannot be closed early


def test_a_faq_without_questions_fails_the_strict_build(project):
    text = project.read("docs/tr/faq.md")
    project.write("docs/tr/faq.md", re.sub(r"(?m)^(## .*)\?\s*$", r"\1", text))
    result = project.build()
    assert result.returncode != 0
    warnings = [line for line in result.output.splitlines() if line.startswith("WARNING")]
    assert any("faq.md: no questions for the FAQ's structured data" in w and "'## '" in w for w in warnings), warnings
