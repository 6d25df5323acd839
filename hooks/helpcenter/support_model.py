"""The support service as plain, immutable data (what support.yml describes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .channel_kinds import kind_of
from .policies import Policies

Localized = dict[str, str]  # language code -> text

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Opening:
    """One weekly opening range; minutes since midnight in the service time zone."""

    days: tuple[int, ...]  # 0 = Monday
    open: int
    close: int  # on the next day when overnight
    overnight: bool = False


@dataclass(frozen=True)
class Channel:
    id: str
    name: Localized
    contact_type: str  # url | email | phone | article
    contact_value: str
    always_open: bool
    openings: tuple[Opening, ...]
    closed_on: tuple[date, ...]
    first_reply: tuple[int, int]  # minutes
    languages: tuple[str, ...]
    best_for: Localized
    kind: str = "chat"  # chat | email | phone | messenger | link | faq: decides the action and icon (channel_kinds.py)
    icon: str = ""  # a theme icon path; empty: the kind's

    @property
    def person(self) -> bool:
        """A person replies on this channel (not a self-service page)."""
        return kind_of(self.kind).person

    @property
    def icon_path(self) -> str:
        return self.icon or kind_of(self.kind).icon


@dataclass(frozen=True)
class Target:
    id: str
    name: Localized
    meaning: Localized
    minutes: tuple[int, int] | None = None
    percent_at_least: int | None = None


@dataclass(frozen=True)
class Document:
    id: str
    name: Localized
    description: Localized


@dataclass(frozen=True)
class Level:
    id: str
    name: Localized
    role: Localized
    minutes: tuple[int, int] | None  # None: no time frame is promised for this level


@dataclass(frozen=True)
class Problem:
    id: str
    label: Localized
    channels: tuple[str, ...]
    documents: tuple[str, ...]
    escalation: bool
    article: str


@dataclass(frozen=True)
class ArticleRef:
    """An article id named in the data file, kept with its place for errors."""

    article: str
    path: str
    line: int | None


@dataclass(frozen=True)
class SupportData:
    file: str
    brand: str
    timezone: str
    timezone_label: Localized
    channels: tuple[Channel, ...]
    targets: tuple[Target, ...]
    documents: tuple[Document, ...]
    escalation: tuple[Level, ...]
    problems: tuple[Problem, ...]
    article_refs: tuple[ArticleRef, ...] = field(default=())
    linked_articles: dict[str, str] = field(default_factory=dict)  # role (documents, escalation) -> article id
    notices: tuple = field(default=())  # helpcenter.notices.Notice, in support.yml's order
    policies: Policies = field(default_factory=Policies)  # what the team decided: withdrawal times, limits...

    def channel(self, id: str) -> Channel:
        return next(c for c in self.channels if c.id == id)

    def target(self, id: str) -> Target:
        return next(t for t in self.targets if t.id == id)

    def document(self, id: str) -> Document:
        return next(d for d in self.documents if d.id == id)

    def level(self, id: str) -> Level:
        return next(lv for lv in self.escalation if lv.id == id)

    def problem(self, id: str) -> Problem:
        return next(p for p in self.problems if p.id == id)
