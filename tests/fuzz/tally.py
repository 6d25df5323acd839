"""Per-target counts of the fuzz run, printed at the end (tests/fuzz/conftest.py)."""

from __future__ import annotations

from collections import Counter, defaultdict

COUNTS: defaultdict[str, Counter] = defaultdict(Counter)
