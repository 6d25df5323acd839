"""The day a build happens on: review dates, and which holiday closures are still ahead."""

from __future__ import annotations

import os
from datetime import date

TODAY_VARIABLE = "HELPCENTER_TODAY"  # YYYY-MM-DD: pretend today is this day (tests, reports as of a date)


def today(environ: dict[str, str] | None = None) -> date:
    """Today, or the day named by HELPCENTER_TODAY."""
    value = (os.environ if environ is None else environ).get(TODAY_VARIABLE, "")
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{TODAY_VARIABLE}={value!r} is not a date (YYYY-MM-DD).") from None
    return date.today()
