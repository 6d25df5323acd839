"""How support data reads in each language: durations, hours, percentages."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from .search_text import load_rules
from .support_model import Channel, Opening
from .ui_strings import Strings

DASH = "–"
NBSP = "\u00a0"  # between a number and its unit, so "24–72" and "hours" never part at a line end


def format_duration(minutes: tuple[int, int], language: str, strings: Strings) -> str:
    """[1, 5] -> '1–5 minutes'; [60, 1440] -> '1–24 hours'; [0, 0] -> 'instant'."""
    low, high = minutes
    if high == 0:
        return strings.get("instant", language)
    if low % 60 == 0 and high % 60 == 0 and low > 0:
        return _amount(low // 60, high // 60, "hour", language, strings)
    if high < 120 or high % 60:
        return _amount(low, high, "minute", language, strings)
    # mixed, e.g. 30 minutes to 2 hours
    return f"{_amount(low, low, 'minute', language, strings)} {DASH} {_amount(high // 60, high // 60, 'hour', language, strings)}"


def _amount(low: int, high: int, unit: str, language: str, strings: Strings) -> str:
    number = str(low) if low == high else f"{low}{DASH}{high}"
    return f"{number}{NBSP}{strings.plural(unit, high, language)}"


def format_percent_at_least(percent: int, language: str, strings: Strings) -> str:
    return strings.get("percent_at_least", language).format(n=percent)


def weekday_names(language: str, strings: Strings) -> list[str]:
    style = strings.get("weekday_style", language)
    days = Locale.parse(language).days["format"][style]
    return [days[i] for i in range(7)]


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_openings(openings: tuple[Opening, ...], language: str, strings: Strings) -> list[str]:
    """Each opening as 'Mon–Fri 09:00–18:00' in the language's day names."""
    names = weekday_names(language, strings)
    return [f"{_day_span(o.days, names)} {format_clock(o.open)}{DASH}{format_clock(o.close)}" for o in openings]


def _day_span(days: tuple[int, ...], names: list[str]) -> str:
    ordered = sorted(days)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{names[ordered[0]]}{DASH}{names[ordered[-1]]}"
    return ", ".join(names[d] for d in ordered)


def format_hours(channel: Channel, language: str, strings: Strings, zone_label: str) -> str:
    """'24/7' or 'Mon–Fri 09:00–18:00, Sat 10:00–15:00 (Baku time)'."""
    if channel.always_open:
        return strings.get("always_open", language)
    return f"{', '.join(format_openings(channel.openings, language, strings))} ({zone_label})"


def language_names(codes: tuple[str, ...], language: str, overrides: dict[str, str] | None = None) -> list[str]:
    """Names of the languages a channel speaks, in the page's language, as they read mid-sentence.

    CLDR (through Babel) writes them in their mid-sentence case (az "ingilis", ru "английский",
    en "English"); `overrides` (ui-strings.yml `language_names`) corrects a name CLDR gets wrong.
    """
    locale = Locale.parse(language)
    names = overrides or {}
    return [names.get(code) or locale.languages.get(code, code) for code in codes]


def language_list(codes: tuple[str, ...], language: str, overrides: dict[str, str] | None = None) -> str:
    """The names joined as the language writes a list in prose: "a, b and c" (az "a, b və c")."""
    return format_list(language_names(codes, language, overrides), locale=language)


def language_cell(codes: tuple[str, ...], language: str, overrides: dict[str, str] | None = None) -> str:
    """The names as a list that starts a table cell: only its first letter is upper-cased."""
    return capitalize_first(", ".join(language_names(codes, language, overrides)), language)


def language_name(code: str, language: str) -> str:
    """The name of language `code` in `language` (CLDR, through Babel), e.g. az in ru: азербайджанский."""
    try:
        return Locale.parse(language.replace("-", "_")).languages.get(code.split("-")[0], code)
    except (ValueError, UnknownLocaleError):
        return code


def capitalize_first(text: str, language: str) -> str:
    """Upper-case the first letter; with Turkic casing (search_rules.json, e.g. az, tr) i becomes İ."""
    first = text[:1]
    if load_rules().language(language).turkic and first == "i":
        first = "İ"
    return first.upper() + text[1:]
