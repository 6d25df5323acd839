"""Print the contact router's JavaScript and CSS sizes, raw and gzipped, against the issue's budgets.

Run: .venv/bin/python bench/widget_size.py
"""

from __future__ import annotations

import gzip
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "overrides" / "assets"
FILES = {  # file -> gzipped budget in bytes (issue 3: JS <= 5 KB, CSS <= 2 KB)
    ROOT / "javascripts" / "contact-router.js": 5 * 1024,
    ROOT / "stylesheets" / "contact-router.css": 2 * 1024,
}


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main() -> None:
    print(f"{'file':<40} {'raw':>7} {'gzip -9':>8} {'budget':>7} {'used':>6}")
    for path, budget in FILES.items():
        data = path.read_bytes()
        packed = gzipped_size(data)
        print(f"{path.relative_to(ROOT.parent.parent).as_posix():<40} {len(data):>7} {packed:>8} {budget:>7} {packed / budget:>6.0%}")


if __name__ == "__main__":
    main()
