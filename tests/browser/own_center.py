"""The browser suite's own help center: "Harbor Play", English default with German and Ukrainian,
Berlin time, five channels of five kinds and four problem types, none of them the demo's. Its translations
record no source_hash (outdated, with a note); `limits` is English only (missing: the original, with a note).

The interface texts the tests read are written here (`STRINGS`), so a team that rewords its own
English texts does not change what these tests expect.
"""

from __future__ import annotations

from pathlib import Path

from tests.generator_site import Language, SiteSpec, build, page, write_site

ZONE = "Europe/Berlin"
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"]
DESK = {"id": "desk", "kind": "chat", "contact": {"type": "url", "value": "https://harbor.example/desk"}, "hours": "always",
        "first_reply_minutes": [2, 10]}
HOTLINE = {"id": "hotline", "kind": "phone", "contact": {"type": "phone", "value": "+49 30 5550 1234"},
           "hours": [{"days": WEEKDAYS, "open": "09:00", "close": "17:00"}], "first_reply_minutes": [0, 1]}
POST = {"id": "post", "kind": "email", "contact": {"type": "email", "value": "care@harbor.example"}, "hours": "always",
        "first_reply_minutes": [60, 1440]}
TELEGRAM = {"id": "tg", "kind": "messenger", "icon": "fontawesome/brands/telegram", "contact": {"type": "url", "value": "https://t.me/harbor_care"},
            "hours": "always", "first_reply_minutes": [5, 30]}
KB = {"id": "kb", "kind": "faq", "contact": {"type": "article", "value": "faq"}, "hours": "always", "first_reply_minutes": [0, 0]}
CHANNELS = [DESK, HOTLINE, POST, TELEGRAM, KB]

PROBLEMS = [
    {"id": "refund", "channels": ["post", "desk"], "documents": ["receipt", "screenshots"], "escalation": True, "article": "bonuses"},
    {"id": "locked-out", "channels": ["hotline", "desk", "kb"], "documents": [], "escalation": False, "article": "faq"},
    {"id": "bonus", "channels": ["tg", "desk", "kb"], "documents": ["screenshots"], "escalation": True, "article": "bonuses"},
    {"id": "other", "channels": ["kb", "post"], "documents": [], "escalation": False, "article": "faq"},
]
LABELS = {"refund": "My refund has not arrived", "locked-out": "I can't sign in", "bonus": "My bonus was not credited", "other": "Something else"}

DOCUMENTS = [
    {"id": "receipt", "name": {"en": "Receipt", "de": "Beleg", "uk": "Квитанція"},
     "description": {"en": "The payment receipt", "de": "Der Zahlungsbeleg", "uk": "Квитанція про оплату"}},
    {"id": "screenshots", "name": {"en": "Screenshots", "de": "Bildschirmfotos", "uk": "Знімки екрана"},
     "description": {"en": "Of the error", "de": "Vom Fehler", "uk": "Помилки"}},
]
ESCALATION = [
    {"id": "agent", "name": {"en": "Agent", "de": "Mitarbeiter", "uk": "Оператор"},
     "role": {"en": "Takes the request", "de": "Nimmt die Anfrage an", "uk": "Приймає звернення"}, "minutes": [1, 10]},
    {"id": "lead", "name": {"en": "Team lead", "de": "Teamleitung", "uk": "Керівник зміни"},
     "role": {"en": "Decides disputes", "de": "Entscheidet Streitfälle", "uk": "Вирішує спірні питання"}, "minutes": [60, 240]},
]
ZONE_LABEL = {"en": "Berlin time", "de": "Berliner Zeit", "uk": "за берлінським часом"}

# The English interface texts the tests read, in the project's own words.
STRINGS = {
    "router_urgent": "This is urgent",
    "router_open_now": "Open right now",
    "router_closed_now": "Closed at the moment",
    "router_opens": "opens {time} ({zone})",
    "router_your_time": "{time} where you are",
    "router_in_minutes": {"one": "in {n} minute", "other": "in {n} minutes"},
    "router_in_hours": {"one": "in {n} hour", "other": "in {n} hours"},
    "help_full_answer": "Every way to reach us",
    "open_messenger": "Write to us on {name}",
}
GERMAN_STRINGS = {"router_open_now": "Jetzt erreichbar", "router_closed_now": "Gerade nicht erreichbar",
                  "minute": {"one": "Minute", "other": "Minuten"}, "hour": {"one": "Stunde", "other": "Stunden"}}
UKRAINIAN_STRINGS = {"router_open_now": "Зараз працює", "router_closed_now": "Зараз не працює"}

LANGUAGES = [
    Language("en", "English", home="Welcome to {{ brand }} care.", strings=STRINGS),
    Language("de", "Deutsch", home="Willkommen beim Kundendienst von {{ brand }}.", contact="Wählen Sie unten Ihr Anliegen.",
             faq_question="Wie erreiche ich den Kundendienst?", faq_answer="Schreiben Sie uns; die erste Antwort kommt in {{ reply:%s }}.",
             strings=GERMAN_STRINGS),
    Language("uk", "Українська", home="Вітаємо у службі підтримки {{ brand }}.", contact="Оберіть свою проблему нижче.",
             faq_question="Як зв'язатися з підтримкою?", faq_answer="Напишіть нам; перша відповідь надійде за {{ reply:%s }}.",
             strings=UKRAINIAN_STRINGS),
]
BONUS_PAGE = {
    "en": ("Bonuses and refunds", "Bonuses are credited within a day; refunds take up to five working days."),
    "de": ("Boni und Erstattungen", "Boni werden innerhalb eines Tages gutgeschrieben; Erstattungen dauern bis zu fünf Werktage."),
    "uk": ("Бонуси та повернення коштів", "Бонуси зараховуються протягом доби; повернення коштів триває до п'яти робочих днів."),
}

LIMITS = "## Setting a limit\n\nChoose a daily, weekly or monthly limit in your account settings.\n"

SPEC = SiteSpec("Harbor Play", ZONE, LANGUAGES, CHANNELS,
                [{**p, "label": {lang.code: LABELS[p["id"]] for lang in LANGUAGES}} for p in PROBLEMS],
                site_url="https://care.harbor.example/", timezone_label=ZONE_LABEL, documents=DOCUMENTS, escalation=ESCALATION)


def path(language: str, article_id: str) -> str:
    """Where an article of this site lives: /<id>/, under /<lang>/ except English, the default."""
    prefix = "" if language == "en" else f"{language}/"
    return prefix if article_id == "home" else f"{prefix}{article_id}/"


def build_center(root: Path) -> Path:
    """Write and strictly build the site; returns its built folder."""
    write_site(root, SPEC)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - faq.md\n", "      - faq.md\n      - bonuses.md\n      - limits.md\n"), encoding="utf-8")
    (root / "docs" / "en" / "limits.md").write_text(page("limits", "Deposit limits", LIMITS), encoding="utf-8")  # not translated yet
    for code, (title, body) in BONUS_PAGE.items():
        text = page("bonuses", title, body).replace("last_reviewed: 2026-11-20\n", "last_reviewed: 2026-11-20\nproblems: [bonus, refund]\n")
        (root / "docs" / code / "bonuses.md").write_text(text, encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.output
    return result.site
