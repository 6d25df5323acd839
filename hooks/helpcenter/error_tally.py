"""Count the warnings and errors of a whole multi-language build, so the strict abort says how many were printed.

mkdocs-static-i18n builds each further language inside the default language's build;
each of those builds counts only its own messages and aborts with that count
("Aborted with 1 errors" under four ERROR lines). One handler on the `mkdocs` logger
counts across all of them; the hook stops the build with the total instead.
"""

from __future__ import annotations

import logging
from collections import Counter


class Tally(logging.Handler):
    """Warnings and errors since the run began, and since the current language's build began."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.run: Counter[int] = Counter()
        self.build = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.run[record.levelno] += 1
        self.build += 1

    def start_run(self) -> None:
        self.run.clear()
        self.build = 0

    def summary(self) -> str:
        """As MkDocs words it: '2 warnings, 3 errors'."""
        return ", ".join(f"{count} {logging.getLevelName(level).lower()}s" for level, count in sorted(self.run.items(), reverse=True))


def tally() -> Tally:
    """The one handler on the `mkdocs` logger (installed on first use; `mkdocs serve` reuses it)."""
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers:
        if isinstance(handler, Tally):
            return handler
    handler = Tally()
    logger.addHandler(handler)
    return handler


def should_abort(total: int, this_build: int, nested: bool, last_language: bool) -> bool:
    """Stop now (with the total) when MkDocs would stop this build anyway, or when no build is left to run."""
    if total == 0:
        return False
    return this_build > 0 or last_language or not nested
