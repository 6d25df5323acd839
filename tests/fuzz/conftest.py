"""Fuzz profiles: a bounded run in `make test`, a long one in `make fuzz` (HELPCENTER_FUZZ=long)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from tests.fuzz.tally import COUNTS

_COMMON = {"deadline": None, "database": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]}
settings.register_profile("bounded", max_examples=100, derandomize=True, **_COMMON)  # the same examples every run: never flaky
settings.register_profile("long", max_examples=int(os.environ.get("HELPCENTER_FUZZ_EXAMPLES", "5000")), **_COMMON)  # new examples every run
settings.load_profile("long" if os.environ.get("HELPCENTER_FUZZ") == "long" else "bounded")


def pytest_terminal_summary(terminalreporter) -> None:
    if not COUNTS:
        return
    terminalreporter.write_line("")
    terminalreporter.write_line(f"fuzz ({settings.get_current_profile_name()} run): target: examples, accepted, rejected, failures")
    for target, count in sorted(COUNTS.items()):
        terminalreporter.write_line(f"  {target}: {count['examples']} examples, {count['accepted']} accepted, "
                                    f"{count['rejected']} rejected, {count['failures']} failures")
