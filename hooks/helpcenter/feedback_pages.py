"""Where the feedback forms post to and which pages carry "Was this helpful?"."""

from __future__ import annotations

from urllib.parse import urlsplit

THANKS_TEMPLATE = "feedback-thanks.html"
THANKS_FOLDER = "feedback-thanks"
NO_FEEDBACK = frozenset({"home", "contact"})  # the home page and the contact page are not articles to rate
FEEDBACK_FORM, SIGNALS_FORM = "article-feedback", "search-signals"


def takes_feedback(article_id: object) -> bool:
    return isinstance(article_id, str) and bool(article_id) and article_id not in NO_FEEDBACK


def _prefix(site_url: str | None, language: str, default: str) -> str:
    base = urlsplit(site_url or "/").path or "/"
    base = base if base.endswith("/") else base + "/"
    return base if language == default else f"{base}{language}/"


def home_path(site_url: str | None, language: str, default: str) -> str:
    return _prefix(site_url, language, default)


def thanks_path(site_url: str | None, language: str, default: str) -> str:
    """The thank-you page of a language, as an absolute path: the forms' action (CSP form-action 'self')."""
    return f"{_prefix(site_url, language, default)}{THANKS_FOLDER}/"


def thanks_relative(language: str, default: str) -> str:
    """Its file in the publish folder."""
    return f"{THANKS_FOLDER}/index.html" if language == default else f"{language}/{THANKS_FOLDER}/index.html"
