"""Speed of search text normalization (search_text.terms) now vs a baseline commit, on the demo's articles.

    .venv/bin/python bench/search_text_speed.py [--baseline 11d77b2] [--repeat 20] [--runs 7]

Prints the median time of each over the same text, measured in the same run, and their ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
from helpcenter import search_text  # noqa: E402


def baseline_module(commit: str, folder: Path):
    for name in ("search_text.py", "search_rules.json"):
        text = subprocess.run(["git", "show", f"{commit}:hooks/helpcenter/{name}"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
        (folder / name).write_text(text, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("baseline_search_text", folder / "search_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def median_seconds(module, texts: dict[str, str], runs: int) -> float:
    rules = module.load_rules()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for language, text in texts.items():
            rules_of = rules.language(language)
            rules_of.stems.clear()
            module.terms(text, rules_of, rules)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="11d77b2", help="commit to compare with (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=20, help="copies of the articles' text (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    languages = [p.name for p in sorted((ROOT / "docs").iterdir()) if p.is_dir()]
    texts = {lang: "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / lang).glob("*.md"))) * args.repeat for lang in languages}
    with tempfile.TemporaryDirectory() as tmp:
        old = median_seconds(baseline_module(args.baseline, Path(tmp)), texts, args.runs)
    new = median_seconds(search_text, texts, args.runs)
    chars = sum(map(len, texts.values()))
    print(f"terms() over {chars / 1e6:.1f} M characters ({', '.join(languages)}), median of {args.runs}:")
    print(f"  baseline {args.baseline}: {old * 1000:.0f} ms   now: {new * 1000:.0f} ms   ratio now/baseline: {new / old:.2f}")


if __name__ == "__main__":
    main()
