"""Bytes a search downloads, split index vs the whole-file index, per language (gzip level 6).

Builds (or reuses, --no-build) a corpus.py help center, then runs the real
worker (node, tests/js/worker_run.cjs) on the built split files: the first
query's requests (manifest, shards, dictionaries, text chunks) plus the worker
script, and the next query's. "whole file" is the language's index put back
into one file (what the worker downloaded before the split). Medians are not
needed: the requests are deterministic.

    python bench/search_bytes.py --articles 1000 [--no-build]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "hooks")]
from helpcenter.search_split import dumps, join_search_file  # noqa: E402

QUERIES = {  # common word, rare word, two words; then the next query
    "az": ["hesab", "eskalasiya", "pul cixarisi", "sened"],
    "en": ["account", "escalation", "withdrawal delayed", "documents"],
    "ru": ["аккаунт", "эскалация", "вывод средств", "документы"],
    "tr": ["hesap", "eskalasyon", "para cekme", "belge"],
}
TARGETS = {1000: 160, 5000: 200}


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    out = ROOT / "bench" / "out" / f"bytes-{args.articles}"
    if not args.no_build:
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(out), "--articles", str(args.articles)], check=True)
        subprocess.run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "--strict"], cwd=out, check=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    search = out / "site" / "search"
    worker = next((out / "site" / "assets" / "javascripts" / "helpcenter").glob("search-worker.*.js"))
    worker_gz = gz(worker.read_bytes())
    missed = []
    print(f"{args.articles} articles × 4; worker script {worker_gz / 1000:.1f} KB gzip (counted in every first query)")
    print("lang | query | first query KB | next query KB | whole file KB")
    for language, queries in QUERIES.items():
        files = {f"{language}.json": (search / f"{language}.json").read_text(encoding="utf-8")}
        files.update({f"{language}/{p.name}": p.read_text(encoding="utf-8") for p in (search / language).iterdir()})
        whole = gz(dumps(join_search_file(files, language)).encode("utf-8"))
        for query in queries[:3]:
            with tempfile.TemporaryDirectory() as tmp:
                Path(tmp, "q.json").write_text(json.dumps([query, queries[3]]), encoding="utf-8")
                run = subprocess.run(["node", str(ROOT / "tests" / "js" / "worker_run.cjs"), str(search / f"{language}.json"), str(Path(tmp, "q.json"))],
                                     capture_output=True, text=True, check=True)
            requests = json.loads(run.stdout)["requests"]
            sizes = [sum(gz(files[f"{language}.json" if r == "file" else r].encode("utf-8")) for r in rs) for rs in requests]
            first, nxt = worker_gz + sizes[0], sizes[1]
            print(f"{language} | {query} | {first / 1000:.1f} ({len(requests[0])} requests) | {nxt / 1000:.1f} ({len(requests[1])}) | {whole / 1000:.0f}")
            target = TARGETS.get(args.articles)
            if target and first / 1000 > target:
                missed.append(f"{language} {query!r}: {first / 1000:.1f} KB > {target} KB")
    for line in missed:
        print("MISSED:", line)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
