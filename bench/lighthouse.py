"""Lighthouse (mobile) scores of the built help center, served as Netlify serves it.

Builds the site strictly, serves it with production_server (netlify.toml and
_headers applied, gzip on) on 127.0.0.1, and runs npm lighthouse@12.2.3 (pinned
in bench/package.json, installed into bench/node_modules on first use) with
Debian's Chromium on the home page, one article and the contact page in two
languages. Prints each category's median score over --runs runs and the audits
that cost points. Targets: Performance >= 95, the other three 100.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--site DIR] [--language az --language ru]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from production_server.server import serve_in_background  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from helpcenter.project import load_project  # noqa: E402

CHROME = "/usr/bin/chromium"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
PAGES = {"home": "", "article": "payments/", "contact": "contact/"}


def ensure_lighthouse() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("Installing lighthouse (bench/package-lock.json) into bench/node_modules ...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", str(BENCH)], check=True)
    return binary


def build_site(target: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(ROOT / "mkdocs.yml"), "-d", str(target)], check=True, env=env, cwd=ROOT)
    return target


ATTEMPTS = 3


def run_lighthouse(binary: Path, url: str, language: str, out: Path) -> dict:
    """One mobile run; the reader's browser prefers the page's language (no redirect on /)."""
    command = [
        str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
        f"--extra-headers={json.dumps({'Accept-Language': language})}",
    ]
    # Lighthouse 12 with this Chromium now and then fails to record the trace (NO_NAVSTART, about
    # one run in ten, whatever the page) and asks to be run again: so it is, up to ATTEMPTS times.
    for attempt in range(1, ATTEMPTS + 1):
        done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME}, timeout=300, capture_output=True, text=True)
        if done.returncode == 0:
            return json.loads(out.read_text(encoding="utf-8"))
        print(f"  lighthouse failed on {url} (attempt {attempt}/{ATTEMPTS}): {done.stderr.strip().splitlines()[-1:] or done.returncode}")
    raise SystemExit(f"Lighthouse failed {ATTEMPTS} times on {url}")


def lost_points(report: dict, category: str) -> list[str]:
    audits = report["audits"]
    refs = report["categories"][category]["auditRefs"]
    return [
        f"{ref['id']} ({audits[ref['id']]['score']:.2f})"
        for ref in refs
        if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported (default: %(default)s)")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument("--language", action="append", help="languages to audit (default: the default language and the next one)")
    args = parser.parse_args()
    site_languages = load_project(ROOT / "mkdocs.yml").languages  # default first: it is the one served at /
    languages = args.language or list(site_languages[:2])
    binary = ensure_lighthouse()
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        server, base = serve_in_background(site, ROOT / "netlify.toml")
        rows, misses = [], []
        try:
            for language in languages:
                prefix = "" if language == site_languages[0] else f"{language}/"
                for name, path in PAGES.items():
                    url = f"{base}/{prefix}{path}"
                    scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
                    lost: dict[str, set[str]] = {c: set() for c in CATEGORIES}
                    for run in range(args.runs):
                        report = run_lighthouse(binary, url, language, Path(tmp) / f"{language}-{name}-{run}.json")
                        for category in CATEGORIES:
                            scores[category].append(report["categories"][category]["score"] * 100)
                            lost[category].update(lost_points(report, category))
                    medians = {c: statistics.median(v) for c, v in scores.items()}
                    rows.append((f"/{prefix}{path}", medians, scores))
                    for category, value in medians.items():
                        if value < TARGETS[category]:
                            misses.append(f"/{prefix}{path} {category} {value:.0f} < {TARGETS[category]}: {', '.join(sorted(lost[category]))}")
        finally:
            server.shutdown()
    print(f"Lighthouse 12.2.3, mobile, {args.runs} run(s) per page, median scores (min-max)")
    print(f"{'page':<22}" + "".join(f"{c:>18}" for c in CATEGORIES))
    for page, medians, scores in rows:
        cells = "".join(f"{medians[c]:>8.0f} ({min(scores[c]):.0f}-{max(scores[c]):.0f})".rjust(18) for c in CATEGORIES)
        print(f"{page:<22}{cells}")
    worst = {c: min(m[c] for _, m, _ in rows) for c in CATEGORIES}
    print("lowest median: " + ", ".join(f"{c} {worst[c]:.0f}/{TARGETS[c]}" for c in CATEGORIES))
    for miss in misses:
        print("MISSED " + miss)
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
