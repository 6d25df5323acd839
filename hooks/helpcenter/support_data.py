"""Read and validate support.yml into SupportData, with errors that name the line.

Structure is checked by the JSON Schema (support.schema.json, the same file
editors use); what a schema cannot say (cross-references, every site language,
hours that overlap or run backwards) is checked here.
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path as FsPath
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import jsonschema

from .channel_kinds import DEFAULT_KIND, KINDS
from .notices import Notice, parse_local
from .policies import BUILT_IN_TABLES, UNITS, VALUE_KEYS, Amount, Policies, Policy, PolicyTopic
from .support_model import (
    WEEKDAYS,
    ArticleRef,
    Channel,
    Document,
    Level,
    Localized,
    Opening,
    Problem,
    SupportData,
    Target,
)
from .yaml_source import LoadedYaml, Path, SourceError, format_path, load_yaml, read_source

SCHEMA_FILE = FsPath(__file__).resolve().parents[2] / "support.schema.json"
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+[0-9][0-9 ()-]{6,22}$")
ICONS = FsPath(str(resources.files("material") / "templates" / ".icons"))  # the icons the theme ships


class SupportDataError(Exception):
    """support.yml is unusable; `errors` are ready to show, one per problem."""

    def __init__(self, errors: list[SourceError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


@cache
def _schema_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def load_support_data(path: str | FsPath, languages: tuple[str, ...], name: str | None = None) -> SupportData:
    """Load the data file at `path`; `languages` are the site's, default first."""
    name = name or FsPath(path).name
    try:
        text = read_source(path, name)
    except FileNotFoundError:
        raise SupportDataError([SourceError(name, None, "the support data file does not exist. Create it (see README) or fix `support_data` in mkdocs.yml.")]) from None
    except SourceError as e:
        raise SupportDataError([e]) from None
    try:
        loaded = load_yaml(text, name)
    except SourceError as e:
        raise SupportDataError([e]) from None
    errors = _schema_errors(loaded, name)
    if errors:
        raise SupportDataError(errors)
    checker = _Checker(loaded, name, languages)
    data = checker.build()
    if checker.errors:
        raise SupportDataError(sorted(checker.errors, key=lambda e: e.line or 0))
    return data


def _schema_errors(loaded: LoadedYaml, name: str) -> list[SourceError]:
    found = []
    for error in _schema_validator().iter_errors(loaded.data):
        error = _deepest(error)
        path = tuple(error.absolute_path)
        extra = _unknown_keys(error)
        # An unknown key is reported on its own line, not on its parent's.
        line = loaded.line_of(path + (extra[0],) if extra else path)
        found.append(SourceError(name, line, _describe(error, path)))
    found.sort(key=lambda e: e.line or 0)
    return found


def _deepest(error: jsonschema.ValidationError) -> jsonschema.ValidationError:
    """For oneOf/anyOf, the sub-error deepest in the data says most."""
    while error.context:
        error = max(error.context, key=lambda e: (len(e.absolute_path), e.validator != "const"))
    return error


def _unknown_keys(error: jsonschema.ValidationError) -> list[str]:
    """The keys an additionalProperties error is about, sorted; [] for other errors."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    return sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)  # keys may be numbers or dates too


def _describe(error: jsonschema.ValidationError, path: Path) -> str:
    where = format_path(path) or "the file"
    value = error.instance
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"{where}: '{missing}' is missing. Add it."
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        extra = _unknown_keys(error)
        if allowed:
            return f"{where}: unknown key {', '.join(map(repr, extra))}. Check the spelling; allowed keys: {allowed}."
        return f"{where}: unexpected {', '.join(map(repr, extra))}."
    if error.validator == "type":
        hint = " Put text in quotes." if error.validator_value == "string" else ""
        return f"{where}: expected {_a(error.validator_value)}, found {_a(_json_type(value))} ({json.dumps(value, ensure_ascii=False, default=str)}).{hint}"
    if error.validator == "propertyNames":
        return f"{where}: {value!r} is not a language code (use two letters, e.g. en, de)."
    described = error.schema.get("description")
    if error.validator in ("pattern", "enum", "const") and described:
        return f"{where}: {json.dumps(value, ensure_ascii=False, default=str)} is not {described.rstrip('.')}."
    if error.validator == "enum":
        return f"{where}: {value!r} is not one of {', '.join(map(str, error.validator_value))}."
    if error.validator == "minItems":
        return f"{where}: needs at least {error.validator_value} item(s)."
    if error.validator == "uniqueItems":
        return f"{where}: lists the same value twice. Remove the duplicate."
    if error.validator in ("minLength",):
        return f"{where}: must not be empty."
    if error.validator == "maxLength":
        return f"{where}: is {len(value)} characters long; at most {error.validator_value} fit. Shorten it."
    return f"{where}: {error.message}. Correct the value (support.schema.json describes each key)."


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer", float: "number", type(None): "null"}.get(type(value), type(value).__name__)


def _a(kind: object) -> str:
    words = {"object": "a mapping (key: value)", "array": "a list", "string": "a text", "integer": "a whole number",
             "boolean": "true or false", "null": "nothing", "number": "a number"}
    if isinstance(kind, list):
        return " or ".join(words.get(k, k) for k in kind)
    return words.get(str(kind), str(kind))


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


class _Checker:
    """Semantic checks; collects every error instead of stopping at the first."""

    def __init__(self, loaded: LoadedYaml, name: str, languages: tuple[str, ...]) -> None:
        self.loaded, self.name, self.languages = loaded, name, languages
        self.errors: list[SourceError] = []

    def error(self, path: Path, message: str) -> None:
        self.errors.append(SourceError(self.name, self.loaded.line_of(path), f"{format_path(path)}: {message}"))

    def localized(self, value: dict[str, str], path: Path) -> Localized:
        for language in self.languages:
            if language not in value:
                self.error(path, f"no text for language '{language}'. Add `{language}: ...` (every site language needs one).")
        return dict(value)

    def unique_ids(self, items: list[dict], section: str) -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item["id"] in seen:
                self.error((section, index, "id"), f"id '{item['id']}' is already used by {section}[{seen[item['id']]}]. Ids must be unique.")
            seen.setdefault(item["id"], index)

    def range_(self, value: list[int], path: Path) -> tuple[int, int]:
        if value[0] > value[1]:
            self.error(path, f"[{value[0]}, {value[1]}] runs backwards. Write [shortest, longest].")
        return (value[0], value[1])

    def build(self) -> SupportData:
        raw = self.loaded.data
        for section in ("channels", "targets", "documents", "escalation", "problems"):
            self.unique_ids(raw[section], section)
        try:
            ZoneInfo(raw["timezone"])
            if raw["timezone"] not in _zones():
                raise ZoneInfoNotFoundError
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
            self.error(("timezone",), f"'{raw['timezone']}' is not a known time zone. Use an IANA name such as Asia/Baku or Europe/Istanbul.")
        channels = tuple(self.channel(c, ("channels", i)) for i, c in enumerate(raw["channels"]))
        targets = tuple(self.target(t, ("targets", i)) for i, t in enumerate(raw["targets"]))
        documents = tuple(
            Document(d["id"], self.localized(d["name"], ("documents", i, "name")), self.localized(d["description"], ("documents", i, "description")))
            for i, d in enumerate(raw["documents"])
        )
        levels = tuple(
            Level(lv["id"], self.localized(lv["name"], ("escalation", i, "name")), self.localized(lv["role"], ("escalation", i, "role")),
                  self.range_(lv["minutes"], ("escalation", i, "minutes")) if "minutes" in lv else None)
            for i, lv in enumerate(raw["escalation"])
        )
        channel_ids = {c.id for c in channels}
        document_ids = {d.id for d in documents}
        problems = tuple(self.problem(p, ("problems", i), channel_ids, document_ids) for i, p in enumerate(raw["problems"]))
        refs = [ArticleRef(c.contact_value, format_path(("channels", i, "contact", "value")), self.loaded.line_of(("channels", i, "contact", "value")))
                for i, c in enumerate(channels) if c.contact_type == "article"]
        refs += [ArticleRef(p.article, format_path(("problems", i, "article")), self.loaded.line_of(("problems", i, "article")))
                 for i, p in enumerate(problems)]
        linked = dict(raw.get("articles") or {})
        refs += [ArticleRef(article, format_path(("articles", role)), self.loaded.line_of(("articles", role))) for role, article in linked.items()]
        return SupportData(
            file=self.name, brand=raw["brand"], timezone=raw["timezone"],
            timezone_label=self.localized(raw["timezone_label"], ("timezone_label",)),
            channels=channels, targets=targets, documents=documents, escalation=levels, problems=problems,
            article_refs=tuple(refs), linked_articles=linked,
            notices=self.notices(raw.get("notices", []), channel_ids, {p.id for p in problems}, raw["timezone"]),
            policies=self.policies(raw.get("policies") or {}),
        )

    def channel(self, raw: dict, path: Path) -> Channel:
        contact = raw["contact"]
        kind, value = contact["type"], contact["value"].strip()
        value_path = path + ("contact", "value")
        channel_kind = raw.get("kind", DEFAULT_KIND[kind])
        if KINDS[channel_kind].contact != kind:
            self.error(path + ("kind",), f"a channel of kind '{channel_kind}' needs a contact of type '{KINDS[channel_kind].contact}', "
                                         f"not '{kind}'. Change `kind` or `contact.type`.")
        icon = raw.get("icon", "")
        if icon and not (ICONS / f"{icon}.svg").is_file():
            self.error(path + ("icon",), f"'{icon}' is not an icon of the theme. Name one like fontawesome/brands/telegram "
                                         f"(see https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/), or remove `icon`.")
        if kind == "email" and not EMAIL.match(value):
            self.error(value_path, f"'{value}' is not an email address. Write it like support@example.com.")
        if kind == "phone" and (not PHONE.match(value) or not 8 <= len(re.sub(r"\D", "", value)) <= 15):
            self.error(value_path, f"'{value}' is not an international phone number. Write it with the country code, like +44 20 7946 0000.")
        if kind == "url" and not re.match(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$", value):
            self.error(value_path, f"'{value}' is not a secure web address. Write the full link starting with https://.")
        always = raw["hours"] == "always"
        openings = () if always else self.openings(raw["hours"], path + ("hours",))
        closed_on = []
        for i, day in enumerate(raw.get("closed_on", [])):
            try:
                closed_on.append(date.fromisoformat(day))
            except ValueError:
                self.error(path + ("closed_on", i), f"'{day}' is not a real date. Write YYYY-MM-DD.")
        return Channel(
            id=raw["id"], name=self.localized(raw["name"], path + ("name",)), contact_type=kind, contact_value=value,
            always_open=always, openings=openings, closed_on=tuple(closed_on),
            first_reply=self.range_(raw["first_reply_minutes"], path + ("first_reply_minutes",)),
            languages=tuple(raw["languages"]), best_for=self.localized(raw["best_for"], path + ("best_for",)),
            kind=channel_kind, icon=icon,
        )

    def openings(self, ranges: list[dict], path: Path) -> tuple[Opening, ...]:
        result = []
        for i, item in enumerate(ranges):
            start, end = _minutes(item["open"]), _minutes(item["close"])
            overnight = bool(item.get("overnight", False))
            where = path + (i,)
            if overnight and end >= start:
                self.error(where, f"marked overnight but closes ({item['close']}) after it opens ({item['open']}) on the same day. Remove `overnight: true`.")
            elif not overnight and end <= start:
                self.error(where, f"closes at {item['close']}, not after it opens at {item['open']}. Swap the times, or add `overnight: true` if it runs past midnight.")
            days = tuple(WEEKDAYS.index(d) for d in item["days"])
            result.append(Opening(days, start, end, overnight))
        self.check_overlaps(result, path)
        return tuple(result)

    def check_overlaps(self, openings: list[Opening], path: Path) -> None:
        week = 7 * 24 * 60
        spans: list[tuple[int, int, int]] = []  # (start, end, index) in minutes of the week
        for index, opening in enumerate(openings):
            length = (opening.close + (24 * 60 if opening.overnight else 0)) - opening.open
            if length <= 0:
                continue
            for day in opening.days:
                start = day * 24 * 60 + opening.open
                spans.append((start, start + length, index))
                if start + length > week:  # Sunday night into Monday
                    spans.append((start - week, start + length - week, index))
        spans.sort()
        reach, reach_index = -1, -1  # furthest end so far, and whose
        for start, end, index in spans:
            if reach_index >= 0 and start < reach and index != reach_index:
                first, second = sorted((index, reach_index))
                self.error(path + (second,), f"overlaps hours[{first}] on {WEEKDAYS[(start // 1440) % 7]}. Merge the two ranges or fix the times.")
                return
            if end > reach:
                reach, reach_index = end, index

    def target(self, raw: dict, path: Path) -> Target:
        return Target(
            id=raw["id"], name=self.localized(raw["name"], path + ("name",)), meaning=self.localized(raw["meaning"], path + ("meaning",)),
            minutes=self.range_(raw["minutes"], path + ("minutes",)) if "minutes" in raw else None,
            percent_at_least=raw.get("percent_at_least"),
        )

    def problem(self, raw: dict, path: Path, channel_ids: set[str], document_ids: set[str]) -> Problem:
        for i, channel in enumerate(raw["channels"]):
            if channel not in channel_ids:
                self.error(path + ("channels", i), f"unknown channel '{channel}'. Use one of: {', '.join(sorted(channel_ids))}.")
        for i, document in enumerate(raw["documents"]):
            if document not in document_ids:
                self.error(path + ("documents", i), f"unknown document '{document}'. Use one of: {', '.join(sorted(document_ids))}.")
        return Problem(raw["id"], self.localized(raw["label"], path + ("label",)), tuple(raw["channels"]), tuple(raw["documents"]),
                       raw["escalation"], raw["article"])

    def policies(self, raw: dict) -> Policies:
        topics = []
        for topic_id, topic in raw.items():
            path: Path = ("policies", topic_id)
            if topic_id in BUILT_IN_TABLES:
                self.error(path, f"'{topic_id}' is the name of a built-in table ({{{{ table:{topic_id} }}}}). Name the topic otherwise.")
            columns = None
            if "columns" in topic:
                columns = {k: self.localized(v, path + ("columns", k)) for k, v in topic["columns"].items()}
            items = tuple(self.policy(topic_id, key, value, path + ("items", key)) for key, value in topic["items"].items())
            topics.append(PolicyTopic(topic_id, items, columns, self.loaded.line_of(path)))
        return Policies(tuple(topics))

    def policy(self, topic: str, key: str, raw: dict, path: Path) -> Policy:
        given = [k for k in VALUE_KEYS if k in raw]
        if len(given) != 1:
            found = f"found {', '.join(given)}" if given else "found none"
            self.error(path, f"give exactly one value ({found}): a duration ({', '.join(UNITS)}: n or [shortest, longest]), "
                             "choices, megabytes, values, text or link.")
            return Policy(topic, key, "text", text=dict.fromkeys(self.languages, "?"))
        value_key = given[0]
        if "join" in raw and value_key not in ("choices", "values"):
            self.error(path + ("join",), "`join` says how a list reads: use it only with `choices` or `values`.")
        common = {"label": self.localized(raw["label"], path + ("label",)) if "label" in raw else None,
                  "note": self.localized(raw["note"], path + ("note",)) if "note" in raw else None,
                  "join": raw.get("join", "and"), "line": self.loaded.line_of(path)}
        value = raw[value_key]
        if value_key in UNITS:
            return Policy(topic, key, "amount", amounts=(self.amount(value_key, value, path + (value_key,)),), **common)
        if value_key == "choices":
            amounts = tuple(self.amount(unit, n, path + ("choices", i, unit)) for i, option in enumerate(value) for unit, n in option.items())
            return Policy(topic, key, "choices", amounts=amounts, **common)
        if value_key == "megabytes":
            return Policy(topic, key, "size", megabytes=value, **common)
        if value_key == "values":
            return Policy(topic, key, "values", values=tuple(value), **common)
        if value_key == "link":
            name = self.localized(value["name"], path + ("link", "name")) if "name" in value else None
            return Policy(topic, key, "link", url=value["url"], text=name, **common)
        return Policy(topic, key, "text", text=self.localized(value, path + ("text",)), **common)

    def amount(self, unit: str, value: int | list[int], path: Path) -> Amount:
        low, high = (value, value) if isinstance(value, int) else self.range_(value, path)
        return Amount(unit, low, high)

    def notices(self, items: list[dict], channel_ids: set[str], problem_ids: set[str], timezone: str) -> tuple[Notice, ...]:
        self.unique_ids(items, "notices")
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file
            return ()  # reported with the time zone
        result = []
        for i, raw in enumerate(items):
            path: Path = ("notices", i)
            moments = {}
            for key in ("start", "end"):
                try:
                    moments[key] = parse_local(raw[key], zone)
                except ValueError:
                    self.error(path + (key,), f"'{raw[key]}' is not a real date and time. Write YYYY-MM-DD HH:MM in {timezone} time.")
            if len(moments) == 2 and moments["end"] <= moments["start"]:
                self.error(path + ("end",), f"ends ({raw['end']}) before or when it starts ({raw['start']}). Put the end after the start.")
            for key, known in (("channels", channel_ids), ("problems", problem_ids)):
                for j, value in enumerate(raw.get(key, [])):
                    if value not in known:
                        self.error(path + (key, j), f"unknown {key[:-1]} '{value}'. Use one of: {', '.join(sorted(known))}.")
            title, text = self.localized(raw["title"], path + ("title",)), self.localized(raw["text"], path + ("text",))
            if len(moments) == 2:
                result.append(Notice(raw["id"], raw["severity"], title, text, moments["start"], moments["end"],
                                     tuple(raw.get("channels", [])), tuple(raw.get("problems", []))))
        return tuple(result)


@cache
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())
