"""How every benchmark ends: each missed target on its own line, and the exit status."""

from __future__ import annotations


def verdict(misses: list[str]) -> int:
    """Print the misses (or that all targets were met); 1 if any was missed, else 0."""
    for miss in misses:
        print(f"MISS: {miss}")
    print("all targets met" if not misses else f"{len(misses)} target(s) missed")
    return 1 if misses else 0
