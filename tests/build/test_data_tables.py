"""Tables rendered from support.yml show the data in every language, escaped, and follow its changes.

The site is the tests' own: Polar Lynx, German default with Ukrainian and Georgian, Reykjavik time.
"""

from __future__ import annotations

import pytest
import yaml

from tests.generator_site import Language, SiteSpec, build, page, write_site

LANGUAGES = ("de", "uk", "ka")
CHANNELS = [
    {"id": "schalter", "kind": "chat", "name": {"de": "Kundenschalter", "uk": "Віконце підтримки", "ka": "მხარდაჭერის ფანჯარა"},
     "best_for": {"de": "Schnelle Fragen", "uk": "Швидкі питання", "ka": "სწრაფი კითხვები"},
     "contact": {"type": "url", "value": "https://polar-lynx.example/schalter"}, "hours": "always", "first_reply_minutes": [3, 12]},
    {"id": "ruf", "kind": "phone", "name": {"de": "Rückruf", "uk": "Зворотний дзвінок", "ka": "უკუზარი"},
     "best_for": {"de": "Dringendes", "uk": "Термінове", "ka": "სასწრაფო"},
     "contact": {"type": "phone", "value": "+354 555 0199"},
     "hours": [{"days": ["mon", "tue", "wed", "thu"], "open": "08:15", "close": "16:45"}, {"days": ["fri"], "open": "10:00", "close": "14:00"}],
     "first_reply_minutes": [0, 4]},
    {"id": "brief", "kind": "email", "name": {"de": "Brief", "uk": "Лист", "ka": "წერილი"},
     "best_for": {"de": "Belege", "uk": "Документи", "ka": "დოკუმენტები"},
     "contact": {"type": "email", "value": "hilfe@polar-lynx.example"}, "hours": "always", "first_reply_minutes": [120, 2880]},
]
TARGETS = [
    {"id": "antwort", "name": {"de": "Erste Antwort", "uk": "Перша відповідь", "ka": "პირველი პასუხი"}, "minutes": [5, 45],
     "meaning": {"de": "Bis jemand antwortet", "uk": "Доки хтось відповість", "ka": "სანამ ვინმე გიპასუხებთ"}},
    {"id": "zufrieden", "name": {"de": "Zufriedenheit", "uk": "Задоволеність", "ka": "კმაყოფილება"}, "percent_at_least": 91,
     "meaning": {"de": "Zufriedene Spieler", "uk": "Задоволені гравці", "ka": "კმაყოფილი მოთამაშეები"}},
]
DOCUMENTS = [
    {"id": "ausweis", "name": {"de": "Ausweis", "uk": "Посвідчення", "ka": "პირადობის მოწმობა"},
     "description": {"de": "Vorder- und Rückseite", "uk": "Обидва боки", "ka": "ორივე მხარე"}},
    {"id": "kontoauszug", "name": {"de": "Kontoauszug", "uk": "Виписка", "ka": "ამონაწერი"},
     "description": {"de": "Der letzte Monat", "uk": "За останній місяць", "ka": "ბოლო თვის"}},
]
ESCALATION = [
    {"id": "erste-hilfe", "name": {"de": "Erste Hilfe", "uk": "Перша лінія", "ka": "პირველი ხაზი"},
     "role": {"de": "Nimmt an", "uk": "Приймає", "ka": "იღებს"}, "minutes": [1, 15]},
    {"id": "fachstelle", "name": {"de": "Fachstelle", "uk": "Фахівці", "ka": "სპეციალისტები"},
     "role": {"de": "Prüft", "uk": "Перевіряє", "ka": "ამოწმებს"}, "minutes": [60, 480]},
]
SPEC = SiteSpec("Polar Lynx", "Atlantic/Reykjavik", [Language("de", "Deutsch"), Language("uk", "Українська"), Language("ka", "ქართული")],
                CHANNELS, targets=TARGETS, documents=DOCUMENTS, escalation=ESCALATION,
                timezone_label={"de": "Reykjavíker Zeit", "uk": "за рейк'явікським часом", "ka": "რეიკიავიკის დროით"})


def _path(language: str, article_id: str) -> str:
    return f"{article_id}/" if language == "de" else f"{language}/{article_id}/"


def _write(root):
    write_site(root, SPEC)
    for language in LANGUAGES:
        body = "## Ziele\n\n{{ table:targets }}\n\n## Unterlagen\n\n{{ table:documents }}\n\n## Eskalation\n\n{{ table:escalation }}"
        (root / "docs" / language / "service.md").write_text(page("service", "Service", body), encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - faq.md\n", "      - faq.md\n      - service.md\n"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(_write(tmp_path_factory.mktemp("lynx")))
    assert result.returncode == 0, result.output
    return result


def _range_text(minutes: list[int]) -> str:
    low, high = minutes
    if low % 60 == 0 and high % 60 == 0 and low > 0:
        low, high = low // 60, high // 60
    return f"{low}–{high}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_channel_table_shows_the_data(site, language):
    table = site.page(_path(language, "contact")).select_one('[data-support-table="channels"]')
    assert table is not None
    assert [tr["data-channel"] for tr in table.select("tr[data-channel]")] == ["schalter", "ruf", "brief"]
    for channel in CHANNELS:
        row = table.select_one(f'tr[data-channel="{channel["id"]}"]')
        text = row.get_text(" ", strip=True)
        assert channel["name"][language] in text and channel["best_for"][language] in text
        assert _range_text(channel["first_reply_minutes"]) in text
        for opening in channel["hours"] if isinstance(channel["hours"], list) else []:
            assert f'{opening["open"]}–{opening["close"]}' in text
    hrefs = {tr["data-channel"]: tr.select_one("a")["href"] for tr in table.select("tr[data-channel]")}
    assert hrefs == {"schalter": "https://polar-lynx.example/schalter", "ruf": "tel:+3545550199", "brief": "mailto:hilfe@polar-lynx.example"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_targets_documents_and_escalation_tables_show_the_data(site, language):
    service = site.page(_path(language, "service"))
    targets = service.select_one('[data-support-table="targets"]')
    reply = targets.select_one('tr[data-target="antwort"]').get_text(" ", strip=True)
    assert TARGETS[0]["name"][language] in reply and TARGETS[0]["meaning"][language] in reply and "5–45" in reply
    satisfied = targets.select_one('tr[data-target="zufrieden"]').get_text(" ", strip=True)
    assert TARGETS[1]["name"][language] in satisfied and "91" in satisfied
    documents = service.select_one('[data-support-table="documents"]')
    assert [tr["data-document"] for tr in documents.select("tr[data-document]")] == ["ausweis", "kontoauszug"]
    for document in DOCUMENTS:
        text = documents.select_one(f'tr[data-document="{document["id"]}"]').get_text(" ", strip=True)
        assert document["name"][language] in text and document["description"][language] in text
    levels = service.select_one('[data-support-table="escalation"]')
    assert [tr["data-level"] for tr in levels.select("tr[data-level]")] == ["erste-hilfe", "fachstelle"]
    for level, expected in zip(ESCALATION, ["1–15", "1–8"], strict=True):
        text = levels.select_one(f'tr[data-level="{level["id"]}"]').get_text(" ", strip=True)
        assert level["name"][language] in text and expected in text


def test_no_placeholder_is_left_unexpanded(site):
    leftovers = [str(p.relative_to(site.site)) for p in site.site.rglob("*.html") if "{{" in p.read_text(encoding="utf-8")]
    assert not leftovers


def _edit_support(root, change) -> None:
    path = root / "support.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_changing_the_data_file_changes_every_language(tmp_path):
    root = _write(tmp_path / "lynx")

    def change(data):
        data["brand"] = "Nordlicht Spiele"
        data["channels"][0]["first_reply_minutes"] = [6, 9]
        data["channels"][1]["hours"][0].update({"open": "07:30", "close": "19:05"})
    _edit_support(root, change)
    result = build(root)
    assert result.returncode == 0, result.output
    for language in LANGUAGES:
        contact = result.page(_path(language, "contact"))
        desk = contact.select_one('[data-support-table="channels"] tr[data-channel="schalter"]').get_text()
        assert "6–9" in desk and "3–12" not in desk
        assert "07:30–19:05" in contact.select_one('[data-support-table="channels"] tr[data-channel="ruf"]').get_text()
        welcome = " ".join(p.get_text() for p in result.page(_path(language, "home").replace("home/", "")).select(".hc-home__text p"))
        assert "Nordlicht Spiele" in welcome and "Polar Lynx" not in welcome  # {{ brand }} in the home page's text


def test_hostile_data_is_shown_as_text(tmp_path):
    root = _write(tmp_path / "lynx")

    def change(data):
        data["brand"] = "<b>Polar</b> & *Lynx*"
        data["channels"][0]["name"]["uk"] = "</script><script>alert(1)</script>"
    _edit_support(root, change)
    result = build(root)
    assert result.returncode == 0, result.output
    contact = result.page("uk/contact/")
    assert "<script>alert(1)" not in (result.site / "uk/contact/index.html").read_text(encoding="utf-8")  # escaped in HTML and in JSON
    assert not any((s.string or "").strip() == "alert(1)" for s in contact.find_all("script"))
    assert contact.select_one('[data-support-table="channels"] tr[data-channel="schalter"] th').get_text() == "</script><script>alert(1)</script>"
    home = result.page("uk/")
    assert not home.select("article b") and "<b>Polar</b> & *Lynx*" in home.select_one("article").get_text()
