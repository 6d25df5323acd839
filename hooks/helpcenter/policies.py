"""The service's policies and figures a team decides (support.yml `policies:`), and how they read.

Articles state them only through `{{ policy:<topic>.<key> }}` and `{{ table:<topic> }}`, so a team
that forks a help center reviews its policy in one file. Pure: data in, text in one language out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from babel.lists import format_list

from .ui_strings import Strings

Localized = dict[str, str]

DASH = "–"  # ranges: 1–3 (as formatting.DASH; not imported, formatting imports the model)
NBSP = "\u00a0"  # between a number and its unit: "24–72" and "hours" never part at a line end
# key in support.yml -> its unit's plural forms in ui-strings.yml
UNITS = {"minutes": "minute", "hours": "hour", "days": "day", "business_days": "business_day",
         "weeks": "week", "months": "month", "years": "year"}
VALUE_KEYS = (*UNITS, "choices", "megabytes", "values", "text", "link")
# Built-in `{{ table:... }}` names: a policy topic may not take one.
BUILT_IN_TABLES = ("channels", "targets", "documents", "escalation")


@dataclass(frozen=True)
class Amount:
    unit: str  # a key of UNITS
    low: int
    high: int


@dataclass(frozen=True)
class Policy:
    topic: str
    id: str
    kind: str  # amount | choices | size | values | text | link
    label: Localized | None = None  # its row heading in the topic's table
    note: Localized | None = None  # the table's third column
    amounts: tuple[Amount, ...] = ()  # one for an amount, one per option for choices
    megabytes: int = 0
    values: tuple[str, ...] = ()  # e.g. file formats: the same in every language
    join: str = "and"  # how a list reads: "JPG, PNG and PDF" or "24 hours, 7 days or 30 days"
    text: Localized | None = None
    url: str = ""
    line: int | None = None

    @property
    def key(self) -> str:
        return f"{self.topic}.{self.id}"


@dataclass(frozen=True)
class PolicyTopic:
    id: str
    items: tuple[Policy, ...]
    columns: dict[str, Localized] | None = None  # label, value, note: the table's headings
    line: int | None = None

    def get(self, policy_id: str) -> Policy | None:
        return next((p for p in self.items if p.id == policy_id), None)

    @property
    def rows(self) -> tuple[Policy, ...]:
        return tuple(p for p in self.items if p.label)


@dataclass(frozen=True)
class Policies:
    topics: tuple[PolicyTopic, ...] = field(default=())

    def topic(self, topic_id: str) -> PolicyTopic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def find(self, key: str) -> Policy | None:
        topic_id, _, policy_id = key.partition(".")
        topic = self.topic(topic_id)
        return topic.get(policy_id) if topic else None

    def unknown_key_message(self, key: str) -> str:
        """Why `key` names no policy, and which keys would."""
        topic_id, _, policy_id = key.partition(".")
        topic = self.topic(topic_id)
        if not self.topics:
            return "support.yml has no `policies:` section. Add the policy there (see README, \"Policies\")."
        if topic is None or not policy_id:
            known = ", ".join(t.id for t in self.topics)
            return f"no policy topic '{topic_id}' in support.yml. Write {{{{ policy:<topic>.<key> }}}} with a topic of `policies:`: {known}."
        known = ", ".join(p.key for p in topic.items)
        return f"support.yml has no policy '{key}'. Policies of '{topic.id}': {known}."


def units_needed(policy: Policy) -> list[str]:
    """The ui-strings.yml keys a policy's text needs."""
    keys = [UNITS[a.unit] for a in policy.amounts]
    return keys + (["megabyte"] if policy.kind == "size" else [])


def format_amount(amount: Amount, language: str, strings: Strings) -> str:
    """3 business days, 1–3 business days; the unit agrees with the larger number (ru: 1–3 рабочих дня)."""
    number = str(amount.low) if amount.low == amount.high else f"{amount.low}{DASH}{amount.high}"
    return f"{number}{NBSP}{strings.plural(UNITS[amount.unit], amount.high, language)}"


def _join(items: list[str], how: str, language: str) -> str:
    return format_list(items, style="standard" if how == "and" else "or", locale=language.replace("-", "_"))


def policy_text(policy: Policy, language: str, strings: Strings) -> str:
    """The policy's value as plain text in `language` (for a link: its visible text)."""
    if policy.kind == "amount":
        return format_amount(policy.amounts[0], language, strings)
    if policy.kind == "choices":
        return _join([format_amount(a, language, strings) for a in policy.amounts], policy.join, language)
    if policy.kind == "size":
        return f"{policy.megabytes}{NBSP}{strings.get('megabyte', language)}"
    if policy.kind == "values":
        return _join(list(policy.values), policy.join, language)
    if policy.kind == "link":
        return policy.text[language] if policy.text else link_host(policy.url)
    return (policy.text or {})[language]


def link_host(url: str) -> str:
    """https://www.example.org/help -> www.example.org: readable link text on a phone."""
    return url.split("://", 1)[-1].split("/", 1)[0]


def table_rows(topic: PolicyTopic, language: str, strings: Strings) -> list[dict[str, str]]:
    return [
        {
            "id": p.id,
            "label": (p.label or {})[language],
            "value": policy_text(p, language, strings),
            "href": p.url,
            "note": p.note[language] if p.note else "",
        }
        for p in topic.rows
    ]
