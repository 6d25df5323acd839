"""Render support-data placeholders in one language (tables, inline values)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

import jinja2

from .formatting import format_duration, format_hours, format_percent_at_least, language_list
from .placeholders import Placeholder, PlaceholderError
from .policies import BUILT_IN_TABLES, policy_text, table_rows, units_needed
from .support_model import SupportData
from .ui_strings import Strings
from .views import UrlFor, channel_rows, contact_link, document_rows, level_rows, target_rows

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def template_env(templates_dir: str) -> jinja2.Environment:
    """Autoescaping environment for our partials: data never reaches HTML raw."""
    return jinja2.Environment(
        # The theme's folder too, for its icons (`{% include ".icons/material/phone.svg" %}`).
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(templates_dir), jinja2.FileSystemLoader(str(resources.files("material") / "templates"))]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def inline_text(text: str) -> str:
    """Data text placed inside Markdown: HTML-escaped and Markdown-inert."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("&amp;", "&#38;")


@dataclass
class SupportRenderer:
    data: SupportData
    strings: Strings
    env: jinja2.Environment
    language: str
    url_for: UrlFor
    extra_blocks: dict[str, Callable[[], str]] | None = None  # widget name -> renderer
    today: date | None = None  # the build's day: closures before it are not shown (None: all)

    def __call__(self, placeholder: Placeholder) -> str:
        kind, arg = placeholder.kind, placeholder.arg
        handler = getattr(self, f"_{kind}")
        return handler(arg, placeholder)

    def _need(self, arg: str | None, known: list[str], placeholder: Placeholder) -> str:
        if arg not in known:
            raise PlaceholderError(placeholder.line, f"{placeholder.text}: unknown '{arg}'. Use one of: {', '.join(known)}.")
        return arg  # type: ignore[return-value]

    def _render(self, template: str, **context: Any) -> str:
        html_text = self.env.get_template(template).render(t=self.strings.for_language(self.language), **context)
        # Markdown ends a raw HTML block at a blank line: keep the block in one piece.
        return "\n".join(line for line in html_text.split("\n") if line.strip())

    def _brand(self, arg: str | None, placeholder: Placeholder) -> str:
        if arg is not None:
            raise PlaceholderError(placeholder.line, f"{placeholder.text}: write just {{{{ brand }}}}.")
        return inline_text(self.data.brand)

    def _reply(self, arg: str | None, placeholder: Placeholder) -> str:
        channel = self.data.channel(self._need(arg, [c.id for c in self.data.channels], placeholder))
        return inline_text(format_duration(channel.first_reply, self.language, self.strings))

    def _hours(self, arg: str | None, placeholder: Placeholder) -> str:
        channel = self.data.channel(self._need(arg, [c.id for c in self.data.channels], placeholder))
        return inline_text(format_hours(channel, self.language, self.strings, self.data.timezone_label[self.language]))

    def _languages(self, arg: str | None, placeholder: Placeholder) -> str:
        channel = self.data.channel(self._need(arg, [c.id for c in self.data.channels], placeholder))
        return inline_text(language_list(channel.languages, self.language, self.strings.language_overrides(self.language)))

    def _contact(self, arg: str | None, placeholder: Placeholder) -> str:
        channel = self.data.channel(self._need(arg, [c.id for c in self.data.channels], placeholder))
        # A web channel reads as its action ("Start a chat"), not as a long bare URL in the sentence.
        link = contact_link(channel, self.language, self.strings, self.url_for)
        return f'<a href="{html.escape(link["href"])}">{html.escape(link["text"])}</a>'

    def _target(self, arg: str | None, placeholder: Placeholder) -> str:
        target = self.data.target(self._need(arg, [t.id for t in self.data.targets], placeholder))
        if target.minutes:
            return inline_text(format_duration(target.minutes, self.language, self.strings))
        return inline_text(format_percent_at_least(target.percent_at_least or 0, self.language, self.strings))

    def _timeframe(self, arg: str | None, placeholder: Placeholder) -> str:
        level = self.data.level(self._need(arg, [lv.id for lv in self.data.escalation], placeholder))
        if level.minutes is None:
            raise PlaceholderError(placeholder.line, f"{placeholder.text}: the escalation level '{level.id}' has no time frame "
                                                     f"(`minutes:` in {self.data.file}). Add one the team commits to, or leave the placeholder out.")
        return inline_text(format_duration(level.minutes, self.language, self.strings))

    def _policy(self, arg: str | None, placeholder: Placeholder) -> str:
        policies = self.data.policies
        policy = policies.find(arg or "")
        if policy is None:
            raise PlaceholderError(placeholder.line, f"{placeholder.text}: {policies.unknown_key_message(arg or '')}")
        self._need_units(units_needed(policy), placeholder)
        text = inline_text(policy_text(policy, self.language, self.strings))
        if policy.kind == "link":
            return f'<a href="{html.escape(policy.url)}">{text}</a>'
        return text

    def _need_units(self, keys: list[str], placeholder: Placeholder) -> None:
        missing = [key for key in keys if key not in self.strings.table]
        if missing:
            raise PlaceholderError(placeholder.line, f"{placeholder.text}: ui-strings.yml has no '{missing[0]}'. Add it with its text "
                                                     f"in every language (the demo's ui-strings.yml has one to copy).")

    def _table(self, arg: str | None, placeholder: Placeholder) -> str:
        topic = self.data.policies.topic(arg or "")
        if topic is not None and arg not in BUILT_IN_TABLES:
            if topic.columns is None:
                raise PlaceholderError(placeholder.line, f"{placeholder.text}: the policy topic '{topic.id}' has no `columns:` in "
                                                         f"{self.data.file}. Add the headings (label, value) to show it as a table.")
            self._need_units([u for p in topic.rows for u in units_needed(p)], placeholder)
            rows = table_rows(topic, self.language, self.strings)
            columns = {k: v[self.language] for k, v in topic.columns.items()}
            return self._render("table-policy.html", topic=topic.id, columns=columns, rows=rows,
                                with_note="note" in columns and any(r["note"] for r in rows))
        tables = [t.id for t in self.data.policies.topics if t.columns is not None]
        name = self._need(arg, [*BUILT_IN_TABLES, *tables], placeholder)
        rows = {
            "channels": lambda: channel_rows(self.data, self.language, self.strings, self.url_for),
            "targets": lambda: target_rows(self.data, self.language, self.strings),
            "documents": lambda: document_rows(self.data, self.language),
            "escalation": lambda: level_rows(self.data, self.language, self.strings),
        }[name]()
        return self._render(f"table-{name}.html", rows=rows)

    def _widget(self, arg: str | None, placeholder: Placeholder) -> str:
        blocks = self.extra_blocks or {}
        name = self._need(arg, sorted(blocks), placeholder)
        return blocks[name]()
