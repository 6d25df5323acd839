"""`new-site DIR --brand NAME --languages L1,L2 --timezone ZONE`: a new help center that builds at once.

It copies the generator's files (generator/files.txt) and writes the team's own:
mkdocs.yml (INHERITing the generator's base), support.yml with the four channel
kinds, a home, contact and FAQ page per language, ui-strings.yml (overrides only),
synonyms.yml, glossary.yml, netlify.toml, and theme-strings/<code>.yml for a
language Material does not translate. The first language is the default. Texts
come from generator/new-site/<lang>.yml; a language without that file starts with
the English ones, which `status` lists until they are written.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from babel import Locale, UnknownLocaleError
from babel.dates import get_timezone_location

from .add_language import CODE, theme_skeleton
from .articles import source_hash
from .authoring import SKELETON, front_matter
from .default_language import _IndentedDumper, _yaml_key
from .generator_files import GENERATOR_ROOT, generator_files, record_installed
from .theme_languages import material_translates
from .ui_strings import default_files

TEXTS_DIR = "generator/new-site"
ARTICLES = ("home", "contact", "faq")  # ids; files index.md, contact.md, faq.md


class NewSiteError(Exception):
    """The arguments cannot make a site; the message says which and what to do."""


@dataclass
class NewSite:
    root: Path
    languages: tuple[str, ...]
    written: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)  # languages that start with the English texts


def parse_languages(text: str) -> tuple[str, ...]:
    codes = tuple(part.strip() for part in text.split(",") if part.strip())
    if not codes:
        raise NewSiteError("--languages needs at least one language code, the default first, e.g. tr,en,kk.")
    for code in codes:
        if not CODE.match(code):
            raise NewSiteError(f"--languages: '{code}' is not a language code such as de, uk or pt-BR (ISO 639-1, lower case).")
        try:
            Locale.parse(code.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            raise NewSiteError(f"--languages: '{code}' is not a language the interface libraries know. Check the code.") from None
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        raise NewSiteError(f"--languages: {', '.join(duplicates)} given twice.")
    return codes


def check_arguments(dest: Path, brand: str, languages: str, timezone: str) -> tuple[str, tuple[str, ...]]:
    """The brand and languages to use; NewSiteError for the first argument that cannot work."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise NewSiteError(f"'{dest}' already exists and is not an empty folder. Choose a new folder; nothing was written.")
    brand = brand.strip()
    if not brand or "\n" in brand:
        raise NewSiteError("--brand must be the platform's name, on one line.")
    codes = parse_languages(languages)
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise NewSiteError(f"--timezone: '{timezone}' is not a time zone. Use an IANA name such as Europe/Istanbul or America/Toronto.") from None
    return brand, codes


def new_site(dest: Path, brand: str, languages: str, timezone: str, source: Path = GENERATOR_ROOT, on: date | None = None) -> NewSite:
    brand, codes = check_arguments(dest, brand, languages, timezone)
    on = on or date.today()
    texts = {code: _texts(source, code) for code in codes}
    site = NewSite(dest, codes, english=[code for code in codes if not (source / TEXTS_DIR / f"{code}.yml").is_file()])
    copied = generator_files(source)
    for relative in copied:
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / relative, target)
    record_installed(dest, copied)
    slug = re.sub(r"[^a-z0-9]+", "-", brand.lower()).strip("-") or "support"

    def write(relative: str, text: str) -> None:
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        site.written.append(relative)

    write("mkdocs.yml", mkdocs_yml(codes, texts, slug))
    write("support.yml", support_yml(brand, timezone, codes, texts, slug, site.english))
    write("ui-strings.yml", ui_strings_yml(codes, source))
    write("synonyms.yml", "# Search synonyms per language: groups of words players type for the same thing, e.g.\n"
                          "#   en:\n#     - [cashout, withdrawal]\n" + "".join(f"{code}: []\n" for code in codes))
    write("glossary.yml", "# One vocabulary per language: the preferred term and the forms to avoid (see the README, \"Glossary\"), e.g.\n"
                          f"#   {codes[0]}:\n#     - term: ...\n#       avoid: [...]\n")
    if (source / "netlify.toml").is_file():
        write("netlify.toml", (source / "netlify.toml").read_text(encoding="utf-8"))
    for code in codes:
        if not material_translates(code):
            write(f"theme-strings/{code}.yml", theme_skeleton(code))
    own = {code for code in codes if code not in site.english}
    for relative, text in articles(codes, texts, own, on):
        write(relative, text)
    return site


def _texts(source: Path, code: str) -> dict[str, str]:
    path = source / TEXTS_DIR / f"{code}.yml"
    return yaml.safe_load((path if path.is_file() else source / TEXTS_DIR / "en.yml").read_text(encoding="utf-8"))


def language_name(code: str) -> str:
    locale = Locale.parse(code.replace("-", "_"))
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]


def mkdocs_yml(codes: tuple[str, ...], texts: dict[str, dict[str, str]], slug: str) -> str:
    group = texts[codes[0]]["nav_help"]
    entries = []
    for i, code in enumerate(codes):
        entry: dict = {"locale": code, "name": language_name(code), "build": True}
        if i == 0:
            entry["default"] = True
        else:
            entry["nav_translations"] = {group: texts[code]["nav_help"]}
        entries.append(entry)
    languages = yaml.dump({"languages": entries}, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, width=200)
    languages = "\n".join("    " + line if line else line for line in languages.rstrip("\n").split("\n"))
    nav = f"nav:\n  - index.md\n  - {_yaml_key(group)}:\n      - contact.md\n      - faq.md\n"  # as new-article --group edits it
    return (
        "# This help center's own settings. Everything else (theme, hooks, plugins, Markdown) comes from\n"
        "# the generator's generator/mkdocs.base.yml, which `make upgrade` replaces: list no `hooks:` here,\n"
        "# and keep `plugins:` a mapping, so it adds to the generator's plugin options.\n"
        "# The brand, channels and hours come from support.yml.\n"
        "INHERIT: generator/mkdocs.base.yml\n"
        "site_name: Help center\n"
        f"site_url: https://help.{slug}.example/   # your address: links, sitemap and search engines use it\n"
        "site_description: Player support help center\n\n"
        "# The default language (`make set-default-language` moves it).\n"
        f"theme:\n  language: {codes[0]}\n\n"
        "extra:\n  helpcenter:\n    support_data: support.yml\n"
        "    review_days: 180        # an article not reviewed for this many days is listed as overdue\n"
        "    review_strict: false    # true: an overdue review fails the build (a warning under --strict)\n"
        "    outdated_strict: false  # true: an outdated translation fails the build instead of showing a note\n"
        "    record_searches: true   # false: searches without results and widget choices are not recorded\n\n"
        f"plugins:\n  i18n:\n{languages}\n\n{nav}"
    )


def _localized(codes: tuple[str, ...], texts: dict[str, dict[str, str]], key: str) -> dict[str, str]:
    return {code: texts[code][key] for code in codes}


def support_yml(brand: str, timezone: str, codes: tuple[str, ...], texts: dict[str, dict[str, str]], slug: str, english: list[str]) -> str:
    def loc(key: str) -> dict[str, str]:
        return _localized(codes, texts, key)

    def channel(cid: str, contact: dict, hours: object, reply: list[int]) -> dict:
        return {"id": cid, "kind": cid, "name": loc(f"{cid}_name"), "contact": contact, "hours": hours, "first_reply_minutes": reply,
                "languages": list(codes), "best_for": loc(f"{cid}_best_for")}

    weekdays = [{"days": ["mon", "tue", "wed", "thu", "fri"], "open": "09:00", "close": "18:00"}]
    data = {
        "brand": brand,
        "timezone": timezone,
        "timezone_label": {code: _zone_label(timezone, code, texts[code], code in english) for code in codes},
        "channels": [
            channel("chat", {"type": "url", "value": f"https://support.{slug}.example/chat"}, "always", [1, 5]),
            channel("email", {"type": "email", "value": f"support@{slug}.example"}, "always", [60, 1440]),
            channel("phone", {"type": "phone", "value": "+1 555 0100"}, weekdays, [1, 5]),
            channel("faq", {"type": "article", "value": "faq"}, "always", [0, 0]),
        ],
        "targets": [{"id": "first-response", "name": loc("target_name"), "minutes": [1, 10], "meaning": loc("target_meaning")}],
        "documents": [{"id": "screenshots", "name": loc("document_name"), "description": loc("document_description")}],
        "escalation": [{"id": "agent", "name": loc("level1_name"), "role": loc("level1_role"), "minutes": [1, 10]},
                       {"id": "supervisor", "name": loc("level2_name"), "role": loc("level2_role"), "minutes": [60, 1440]}],
        "problems": [{"id": "other", "label": loc("problem_other"), "channels": ["faq", "chat", "email", "phone"], "documents": [],
                      "escalation": False, "article": "faq"}],
        "notices": [],
    }
    head = ("# yaml-language-server: $schema=./support.schema.json\n#\n"
            "# The support service this help center describes: brand, time zone, channels and hours, reply times,\n"
            "# targets, documents, escalation and problem types. Every table, the contact widget and the contact\n"
            "# details are rendered from it. Contacts and hours below are examples: put in your own.\n"
            f"# Localized text: give every site language ({', '.join(codes)}). Durations: minutes, as [shortest, longest].\n\n")
    return head + yaml.dump(data, Dumper=_IndentedDumper, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)


def _zone_label(timezone: str, code: str, texts: dict[str, str], english: bool) -> str:
    """"Istanbul time": the city in the language's own pattern, or CLDR's whole label ("Түркия уақыты")
    for a language with no starting texts (the English pattern would mix two languages)."""
    locale = Locale.parse(code.replace("-", "_"))
    if english:
        return get_timezone_location(timezone, locale=locale)
    return texts["timezone_label"].format(city=get_timezone_location(timezone, locale=locale, return_city=True))


def ui_strings_yml(codes: tuple[str, ...], source: Path) -> str:
    head = ("# This help center's own interface texts: only those that differ from the generator's defaults in\n"
            "# generator/ui-strings/<lang>.yml (an upgrade replaces those). Write an override as\n"
            f"#   router_title: {{{codes[0]}: ...}}\n")
    english = [code for code in codes if code not in default_files((code,), source / "generator" / "ui-strings")]
    if not english:  # no `{}`: a team adds its first override below the comments
        return head
    reference = yaml.safe_load((source / "generator" / "ui-strings" / "en.yml").read_text(encoding="utf-8"))
    lines = [head]
    for code in english:
        lines.append(f"# To translate into '{code}' (the generator has no texts in it; until then they show in English):\n")
        for key, text in reference.items():
            shown = yaml.safe_dump({key: {code: text}}, allow_unicode=True, default_flow_style=True, width=1000).strip()[1:-1]
            lines.append(f"# {shown}\n")
    return "".join(lines)


def articles(codes: tuple[str, ...], texts: dict[str, dict[str, str]], own: set[str], on: date) -> list[tuple[str, str]]:
    """(path, text) of the home, contact and FAQ pages in every language. A language with starting
    texts of its own (`own`) gets a translation marked current; one without gets the skeleton that
    `new-article` writes, which shows the original's text with the translation note."""
    out = []
    for article_id in ARTICLES:
        file = "index.md" if article_id == "home" else f"{article_id}.md"
        t = texts[codes[0]]
        original = (t[f"{article_id}_title"], t[f"{article_id}_description"], _body(article_id, t))
        out.append((f"docs/{codes[0]}/{file}", _page(article_id, *original, on, None)))
        for code in codes[1:]:
            t = texts[code]
            if code in own:
                page = (t[f"{article_id}_title"], t[f"{article_id}_description"], _body(article_id, t))
                out.append((f"docs/{code}/{file}", _page(article_id, *page, on, source_hash(*original))))
            else:
                skeleton = (original[0], original[1], SKELETON)
                out.append((f"docs/{code}/{file}", _page(article_id, *skeleton, on, source_hash(*skeleton))))
    return out


def _body(article_id: str, t: dict[str, str]) -> str:
    if article_id == "home":
        return t["home_text"] + "\n"
    if article_id == "contact":
        return f"{t['contact_text']}\n\n{{{{ widget:contact-router }}}}\n\n{{{{ table:channels }}}}\n"
    return f"## {t['faq_question']}\n\n{t['faq_answer']}\n"


def _page(article_id: str, title: str, description: str, body: str, on: date, recorded: str | None) -> str:
    head = front_matter(article_id, title, description, on, [], recorded)
    if article_id == "home":  # the home page is where players start searching, not a result
        head = head.removesuffix("---\n") + "search:\n  exclude: true\n---\n"
    return head + "\n" + body

