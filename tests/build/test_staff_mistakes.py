"""Issue 12: a support worker's mistake gives one true error at its cause, and the strict build stops.

Each case builds a help center of its own (tests/generator_site.py: Polish default, German),
makes the mistake, and reads the real build log: the ERROR lines, the abort count, no traceback.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.generator_site import Language, SiteSpec, build, write_site

SPEC = SiteSpec("Pinecone", "Europe/Warsaw", [Language("pl", "Polski"), Language("de", "Deutsch")],
                [{"id": "mail", "kind": "email", "contact": {"type": "email", "value": "help@pinecone.example"}, "first_reply_minutes": [5, 60], "hours": "always"}])


@pytest.fixture
def site(tmp_path) -> Path:
    return write_site(tmp_path / "site-src", SPEC)


def _errors(output: str) -> list[str]:
    return [row for row in output.splitlines() if row.startswith("ERROR")]


def _one_error(site: Path, file: str, line: int, says: str) -> str:
    """The strict build fails with exactly one ERROR, naming file and line; the abort counts it."""
    result = build(site)
    errors = _errors(result.output)
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    assert len(errors) == 1, errors
    assert f"Error in '{file}', line {line}: " in errors[0] and says in errors[0], errors
    assert "Aborted with 1 errors in strict mode!" in result.output, result.output
    return errors[0]


def _edit(site: Path, relative: str, old: str, new: str) -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, relative)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unclosed_front_matter_is_one_error_at_its_cause(site):
    """Case 2: "no front matter" on a file that starts with `---`, then false "does not exist" errors."""
    _edit(site, "docs/pl/faq.md", "\n---\n\n", "\n\n")
    _one_error(site, "docs/pl/faq.md", 1, "never closed")


def test_unknown_problem_in_front_matter_is_one_error(site):
    """Case 2: a typo in `problems:` also gave false support.yml "no article has id" errors."""
    _edit(site, "docs/pl/faq.md", "last_reviewed:", "problems: [othr]\nlast_reviewed:")
    _one_error(site, "docs/pl/faq.md", 5, "unknown problem type 'othr'")


def test_abort_counts_every_error_printed_in_every_language(site):
    """Case 2: "Aborted with N errors" counted only the last language's build."""
    _edit(site, "docs/pl/contact.md", "last_reviewed:", "last_reveiwed:")
    _edit(site, "docs/de/faq.md", "last_reviewed: 2026-11-20", "last_reviewed: soon")
    result = build(site)
    errors = _errors(result.output)
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    assert any("docs/pl/contact.md" in e for e in errors) and any("docs/de/faq.md" in e for e in errors), errors
    assert f"Aborted with {len(errors)} errors in strict mode!" in result.output, result.output


def test_second_key_in_support_yml_names_both_lines(site):
    """Case 5: a second `timezone:` built silently, the last one winning."""
    path = site / "support.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, row in enumerate(lines, start=1) if row.startswith("timezone:"))
    path.write_text("\n".join(lines) + "timezone: Europe/Berlin\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    assert f"'timezone' is given twice, on line {first} and on line {len(lines)}" in result.output, result.output


def test_second_title_in_front_matter_names_both_lines(site):
    """Case 5: a second `title:` in front matter built silently."""
    _edit(site, "docs/pl/faq.md", "last_reviewed:", 'title: "Again"\nlast_reviewed:')
    _one_error(site, "docs/pl/faq.md", 5, "'title' is given twice, on line 3 and on line 5")


def test_article_saved_in_another_encoding_names_the_file_and_line(site):
    """Case 4: ISO-8859-9 gave a UnicodeDecodeError traceback without the file name."""
    (site / "docs/de/faq.md").write_bytes(b'---\nid: faq\ntitle: "FAQ"\ndescription: "Fragen."\nlast_reviewed: 2026-11-20\n---\n\n## Wie?\n\nGr\xfc\xdfe\n')
    _one_error(site, "docs/de/faq.md", 10, "not saved as UTF-8")


def test_article_at_a_language_address_is_refused(site):
    """Case 3: an article `de` in the default language was overwritten by the German home page."""
    _edit(site, "mkdocs.yml", "      - faq.md\n", "      - faq.md\n      - de.md\n")
    (site / "docs/pl/de.md").write_text('---\nid: de\ntitle: "Niemcy"\ndescription: "O Niemczech."\nlast_reviewed: 2026-11-20\n---\n\nTekst.\n', encoding="utf-8")
    _one_error(site, "docs/pl/de.md", 2, "the address of the 'de' site")


def test_number_id_says_to_quote_it(site):
    """Case 3: `id: 2024` was refused as not "lower-case letters, digits and hyphens", which it is."""
    _edit(site, "docs/pl/faq.md", "id: faq", "id: 2024")
    result = build(site)
    assert 'Put it in quotes: `id: "2024"`' in result.output and result.returncode != 0, result.output


def _cli(site: Path, *args: str, today: str | None = "2026-12-01") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("HELPCENTER_TODAY", None)
    if today:
        env["HELPCENTER_TODAY"] = today
    return subprocess.run([sys.executable, "-m", "helpcenter", *args], cwd=site, env=env, capture_output=True, text=True, timeout=120)


def test_status_shows_the_real_error_of_an_unreadable_article(site):
    """Cases 2 and 4: `status` showed only false errors ("does not exist"), or called the file missing."""
    _edit(site, "docs/pl/faq.md", "\n---\n\n", "\n\n")
    (site / "docs/de/contact.md").write_bytes((site / "docs/de/contact.md").read_bytes() + b"\nGr\xfc\xdfe\n")
    done = _cli(site, "status")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Error in 'docs/pl/faq.md', line 1: the front matter that starts on this line is never closed" in done.stderr, done.stderr
    assert re.search(r"Error in 'docs/de/contact.md', line \d+: the file is not saved as UTF-8", done.stderr), done.stderr
    assert "does not exist" not in done.stderr, done.stderr


def test_new_article_quotes_a_number_id_and_translate_finds_it(site):
    """Case 3: ID=2024 was written unquoted, then rejected by the build and not found by translate."""
    (site / "docs/de/faq.md").unlink()
    done = _cli(site, "new-article", "--title", "Rok 2024", "--description", "Co zmieniło się w 2024.", "--", "2024")
    assert done.returncode == 0, done.stdout + done.stderr
    assert 'id: "2024"' in (site / "docs/pl/2024.md").read_text(encoding="utf-8")
    (site / "docs/de/2024.md").unlink()
    started = _cli(site, "translate", "--", "2024", "de")
    assert started.returncode == 0, started.stdout + started.stderr


@pytest.mark.parametrize(("article_id", "says"), [("de", "the address of the 'de' site"), ("fr", "is a language code"), ("-deposit", "is not a valid id")])
def test_new_article_refuses_ids_that_cannot_work(site, article_id, says):
    """Case 3: ID=en was accepted (its page then replaced by a home page); ID=-deposit read as an option."""
    done = _cli(site, "new-article", "--title", "T", "--description", "D.", "--", article_id)
    assert done.returncode == 2 and says in done.stderr, done.stdout + done.stderr
    assert not (site / "docs/pl" / f"{article_id}.md").exists()


def _ui_strings_with(site: Path, key: str, line: str) -> int:
    """ui-strings.yml with `key` written as `line` (last in the file); returns that line's number."""
    table = yaml.safe_load((site / "ui-strings.yml").read_text(encoding="utf-8")) or {}
    table.pop(key, None)
    text = (yaml.safe_dump(table, allow_unicode=True, sort_keys=False) if table else "") + line + "\n"
    (site / "ui-strings.yml").write_text(text, encoding="utf-8")
    return text.count("\n")


def test_comma_in_an_unquoted_ui_string_is_an_error_on_its_line(site):
    """Case 6: `{tr: Nedir, neden istenir}` cut the text to "Nedir" and made a language nobody reads."""
    line = _ui_strings_with(site, "col_description", "col_description: {pl: Opis, de: Was es ist, warum wir fragen}")
    result = build(site)
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    assert f"Error in 'ui-strings.yml', line {line}: col_description: 'warum wir fragen' is not a language code" in result.output, result.output


@pytest.mark.parametrize(("line", "says"), [
    ("col_channel: {pl: Kanał, de: ''}", "'col_channel' has an empty text for 'de'"),
    ("col_channel: {pl: Kanał, de: 12}", "col_channel.de must be text, not int"),
    ("col_chanel: {pl: Kanał}", "'col_chanel' is not an interface text"),
    ("minute: {pl: {one: minuta, several: minuty, other: minut}}", "minute.pl: 'several' is not a plural form"),
])
def test_empty_wrong_or_unknown_ui_string_names_its_line(site, line, says):
    """Case 6: unknown keys, empty values and texts YAML reads as something else are errors naming the line
    (a key the file leaves out takes the generator's default: ui-strings.yml holds only overrides)."""
    number = _ui_strings_with(site, "col_channel", line)
    result = build(site)
    assert result.returncode != 0 and "Traceback" not in result.output, result.output
    assert f"Error in 'ui-strings.yml', line {number}: {says}" in result.output, result.output


def test_status_checks_its_language_and_takes_today_after_the_command(site):
    """Case 7: `status --language enn` listed nothing and exited 0; `--today` worked only before the command."""
    refused = _cli(site, "status", "--language", "dee")
    assert refused.returncode == 2 and "'dee' is not a site language. Languages: pl, de." in refused.stderr, refused.stdout + refused.stderr
    shown = _cli(site, "status", "--json", "--language", "DE", "--today", "2030-01-02", today=None)
    assert shown.returncode in (0, 1), shown.stdout + shown.stderr
    report = json.loads(shown.stdout)
    assert report["pages"] and {page["language"] for page in report["pages"]} == {"de"}, shown.stdout
    assert report["generated"] == "2030-01-02", shown.stdout


def test_mark_current_lists_every_translation_not_ready(tmp_path):
    """Case 7: `mark-current` without IN reported only the first translation that was not ready."""
    three = SiteSpec(SPEC.brand, SPEC.timezone, [*SPEC.languages, Language("fr", "Français")], SPEC.channels)
    root = write_site(tmp_path / "three", three)
    before = {lang: (root / f"docs/{lang}/faq.md").read_text(encoding="utf-8") for lang in ("de", "fr")}
    done = _cli(root, "mark-current", "--", "faq")
    assert done.returncode == 2, done.stdout + done.stderr
    assert "docs/de/faq.md still has the original's text" in done.stderr and "docs/fr/faq.md still has the original's text" in done.stderr, done.stderr
    assert {lang: (root / f"docs/{lang}/faq.md").read_text(encoding="utf-8") for lang in ("de", "fr")} == before


def test_a_python_without_the_packages_is_told_to_use_the_project_environment(site):
    """Case 7: `python -m helpcenter` with the system Python failed on a missing module."""
    env = {**os.environ, "PYTHONPATH": str(site / "hooks"), "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run([sys.executable, "-S", "-m", "helpcenter", "status"], cwd=site, env=env, capture_output=True, text=True, timeout=60)  # -S: no site-packages
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "Use the project's environment" in done.stderr and "make status" in done.stderr, done.stderr


@pytest.mark.parametrize(("link", "says"), [("/pl/contact/", "leads into the 'pl' site"), ("/de/contact/", "is an address, not a file")])
def test_an_absolute_link_gets_one_piece_of_advice(site, link, says):
    """Case 10: our error said 'contact.md', MkDocs' own warning '../pl/contact.md': opposite advice."""
    faq = site / "docs/de/faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + f"\nSee [contact]({link}).\n", encoding="utf-8")
    line = faq.read_text(encoding="utf-8").count("\n")
    error = _one_error(site, "docs/de/faq.md", line, says)
    assert "('contact.md')" in error
