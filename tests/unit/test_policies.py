"""Policy values read in each language: units agree with the number, no-break space, lists joined natively."""

from __future__ import annotations

import pytest

from helpcenter.policies import Amount, Policies, Policy, PolicyTopic, link_host, policy_text
from helpcenter.ui_strings import load_strings
from tests.helpers import REPO

# The generator's own default texts (no site file): the units of az, en, ru and tr.
STRINGS = load_strings(REPO / "generator" / "ui-strings" / "no-site-file.yml", ("az", "en", "ru", "tr"))
NBSP = "\u00a0"


def amount(unit: str, low: int, high: int | None = None) -> Policy:
    return Policy("t", "p", "amount", amounts=(Amount(unit, low, low if high is None else high),))


@pytest.mark.parametrize(("policy", "language", "expected"), [
    (amount("business_days", 1, 3), "ru", "1–3~рабочих дня"),
    (amount("business_days", 3, 5), "ru", "3–5~рабочих дней"),
    (amount("business_days", 1), "ru", "1~рабочий день"),
    (amount("business_days", 1), "en", "1~business day"),
    (amount("business_days", 1, 3), "az", "1–3~iş günü"),
    (amount("years", 5), "ru", "5~лет"),
    (amount("months", 6), "tr", "6~ay"),
    (amount("hours", 24), "en", "24~hours"),
    (Policy("t", "p", "size", megabytes=10), "ru", "10~МБ"),
    (Policy("t", "p", "values", values=("JPG", "PNG", "PDF")), "az", "JPG, PNG və PDF"),
    (Policy("t", "p", "values", values=("JPG", "PDF"), join="or"), "tr", "JPG veya PDF"),
    (Policy("t", "p", "choices", amounts=(Amount("hours", 24, 24), Amount("days", 7, 7), Amount("days", 30, 30)), join="or"), "ru",
     "24~часа, 7~дней или 30~дней"),
    (Policy("t", "p", "link", url="https://www.example.org/help"), "en", "www.example.org"),
    (Policy("t", "p", "link", url="https://x.org/", text={"en": "X help"}), "en", "X help"),
    (Policy("t", "p", "text", text={"en": "Profile → History", "ru": "Профиль"}), "ru", "Профиль"),
])
def test_policy_text(policy, language, expected):
    assert policy_text(policy, language, STRINGS) == expected.replace("~", NBSP)


def test_link_host():
    assert link_host("https://help.example.org/de?a=1") == "help.example.org"


def test_unknown_keys_say_what_exists():
    policies = Policies((PolicyTopic("withdrawal", (Policy("withdrawal", "card", "text"), Policy("withdrawal", "wallet", "text"))),))
    assert policies.find("withdrawal.card") is not None and policies.find("withdrawal.crad") is None
    assert policies.unknown_key_message("withdrawal.crad") == "support.yml has no policy 'withdrawal.crad'. Policies of 'withdrawal': withdrawal.card, withdrawal.wallet."
    assert "no policy topic 'withdrawl'" in policies.unknown_key_message("withdrawl.card")
    assert "has no `policies:` section" in Policies().unknown_key_message("a.b")
