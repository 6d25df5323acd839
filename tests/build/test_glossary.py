"""The glossary check on a help center of its own (uz, uk, de): findings with file, line and the preferred term."""

from __future__ import annotations

from tests.own_site import OwnSite

GLOSSARY = """uk:
  - term: виведення коштів
    avoid: [зняття грош]
    note: так у меню
de:
  - term: Auszahlung
    avoid: [Abhebung]
"""


def _site(root, glossary: str = GLOSSARY, extra: str = "") -> OwnSite:
    site = OwnSite(root, extra)
    site.write("glossary.yml", glossary)
    site.article("uz", "payouts", "Toʻlovlar", "Matn.\n\n## Bir\n\nMatn.\n")
    site.article("uz", "questions", "Savollar", "## Qanday?\n\nShunday.\n")
    site.article("uk", "payouts", "Зняття грошей і виплати", "Вступ.\n\n## Один\n\nЯкщо зняття грошима затримується, напишіть.\n\n`зняття грошей` у коді не рахується.\n")
    site.article("de", "payouts", "Auszahlungen", "Text.\n\n## Eins\n\nDie ABHEBUNGEN dauern.\n")
    return site


def _lines(output: str, level: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(level) and "Glossary in" in line]


def test_findings_name_file_line_and_term(tmp_path):
    site = _site(tmp_path)
    result = site.build()
    assert result.returncode == 0, result.output
    found = sorted(line.split("helpcenter: ", 1)[1] for line in _lines(result.output, "INFO"))
    assert found == sorted([
        "Glossary in 'docs/de/payouts.md', line 12: \"ABHEBUNGEN\": write \"Auszahlung\".",  # line 12: 6 of front matter, blank, text, blank, heading, blank
        "Glossary in 'docs/uk/payouts.md', line 3: \"Зняття грошей\": write \"виведення коштів\" (так у меню).",  # title
        "Glossary in 'docs/uk/payouts.md', line 4: \"Зняття грошей\": write \"виведення коштів\" (так у меню).",  # description
        "Glossary in 'docs/uk/payouts.md', line 12: \"зняття грошима\": write \"виведення коштів\" (так у меню).",  # not the code span below it
    ]), result.output
    assert not [line for line in result.output.splitlines() if line.startswith(("WARNING", "ERROR"))]


def test_data_labels_and_nav_titles_are_checked(tmp_path):
    site = _site(tmp_path)
    site.write("ui-strings.yml", "# the site's own interface texts\ntopics:\n  de: Abhebung und mehr\n")  # over the generator's default
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    site.write("mkdocs.yml", config.replace("{Toʻlovlar: Auszahlungen}", "{Toʻlovlar: Abhebungen}"))
    result = site.build()
    assert result.returncode == 0, result.output
    found = [line.split("helpcenter: ", 1)[1] for line in _lines(result.output, "INFO")]
    assert "Glossary in 'ui-strings.yml', line 3: \"Abhebung\": write \"Auszahlung\"." in found, found
    nav_line = config.split("\n").index(next(line for line in config.split("\n") if "{Toʻlovlar: Auszahlungen}" in line)) + 1
    assert any(f.startswith(f"Glossary in 'mkdocs.yml', line {nav_line}: \"Abhebungen\"") for f in found), found


def test_glossary_strict_makes_findings_errors(tmp_path):
    result = _site(tmp_path, extra="glossary_strict: true").build()
    assert result.returncode != 0
    assert len(_lines(result.output, "ERROR")) == 4, result.output


def test_a_mistake_in_the_glossary_stops_the_build_with_its_line(tmp_path):
    result = _site(tmp_path, GLOSSARY + "fr:\n  - term: retrait\n    avoid: [x]\n" + "uz:\n  - term: pul\n    avoid: []\n").build()
    assert result.returncode != 0
    errors = [line for line in result.output.splitlines() if line.startswith("ERROR")]
    assert any("Error in 'glossary.yml', line 8: 'fr' is not a site language (uz, uk, de)." in line for line in errors), result.output
    assert any("Error in 'glossary.yml', line 13: uz[0]: `avoid:` must list the forms to avoid" in line for line in errors), result.output
    assert "Traceback" not in result.output


def test_a_glossary_named_in_the_config_must_exist(tmp_path):
    site = _site(tmp_path, extra="glossary: words.yml")
    result = site.build()
    assert result.returncode != 0
    assert "Error in 'mkdocs.yml': extra.helpcenter.glossary: 'words.yml' does not exist." in result.output
    assert "Traceback" not in result.output
