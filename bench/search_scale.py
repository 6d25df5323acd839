"""Search at scale: ours (split index) vs the old whole-file index vs Pagefind, in one run.

For each --sizes N (articles × 4 languages, bench/corpus.py), builds the help
center once (`mkdocs build --strict`, its CPU, peak memory and the search
hook's own CPU from its log line), then makes two variants of the same built
site, sharing every page:

- **whole**: the index before the split (main at 7d78b24): each language's
  split files joined back into one file (search_split.join_search_file) and
  that commit's worker (read from git history) in place of ours;
- **pagefind**: Pagefind (pinned `pagefind[bin]`) indexing the built site
  (`python -m pagefind --site ...`), queried through its own JS API
  (`pagefind.js`: `search()`, then `data()` of the first 5 results, as its
  default UI shows them).

In Chromium, on an article page of each language with an empty cache, for
a common word, a rare word and two words: from the moment the whole query
arrives (one keyup into Material's search box, for ours and whole; Pagefind's
search, for Pagefind) to the first result, and the gzip bytes of every
request made after the page's load event; then a next query on the same page
(bytes only). "focused": the box got the focus 300 ms before the keystroke (a
tap, then the phone's keyboard), when our worker fetches the manifest and
Pagefind imports pagefind.js and runs init(); "cold" (the two-word query):
typed as the box gets the focus, everything fetched after the keystroke. Desktop (this machine) and phone
(Lighthouse's mobile limits through Chromium DevTools: 4× CPU slowdown,
1.6 Mbps down, 150 ms round trips). Medians of --runs page loads.

Bytes: what a host sends, gzip level 6 of each file, or the file itself when
gzip does not make it smaller (Pagefind's files are gzip-compressed already).

    python bench/search_scale.py [--sizes 250 1000 5000] [--runs 3] [--reuse]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from search_bench import INDEXED, PROFILES, REPO, WATCH, apply_profile, chromium, serve

sys.path[:0] = [str(REPO / "bench"), str(REPO / "hooks")]
from corpus import generate  # noqa: E402

from helpcenter.search_split import dumps, join_search_file  # noqa: E402

LANGUAGES = ("az", "en", "ru", "tr")  # corpus.py's; az the default, at the site root
QUERIES = {  # common word, rare word, two words; then the next query
    "az": ["hesab", "eskalasiya", "pul cixarisi", "sened"],
    "en": ["account", "escalation", "withdrawal delayed", "documents"],
    "ru": ["аккаунт", "эскалация", "вывод средств", "документы"],
    "tr": ["hesap", "eskalasyon", "para cekme", "belge"],
}
KINDS = ("common", "rare", "two words")
WHOLE_COMMIT = "7d78b24"  # main just before the split index
WORKER_SOURCES = ("assets/javascripts/helpcenter/search-text.js", "assets/javascripts/helpcenter/search-worker.js")
ARTICLE = "article-0001/"
VARIANTS = ("ours", "whole", "pagefind")
TARGETS = {"first_kb": {1000: 160, 5000: 200}, "next_kb": 40, "phone_ms": 1000, "desktop_ms": 150, "index_share": 0.15, "memory_mb": 1024}


def build(project: Path, site: Path) -> dict:
    """One strict build: wall, CPU and peak memory of the mkdocs process, and the search hook's CPU."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                               cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{output[-3000:]}")
    found = INDEXED.search(output)
    return {"wall": time.perf_counter() - started, "cpu": usage.ru_utime + usage.ru_stime, "memory_mb": usage.ru_maxrss / 1024,
            "index_cpu": float(found.group(2)) if found else float("nan")}


def whole_variant(site: Path, dest: Path) -> None:
    """The built site with the pre-split worker and one search file per language (pages hard-linked, not copied)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(site, dest, copy_function=os.link, ignore=shutil.ignore_patterns("pagefind"))
    search = dest / "search"
    for language in LANGUAGES:
        files = {f"{language}.json": (search / f"{language}.json").read_text(encoding="utf-8")}
        files.update({f"{language}/{p.name}": p.read_text(encoding="utf-8") for p in (search / language).iterdir()})
        shutil.rmtree(search / language)
        (search / f"{language}.json").unlink()
        (search / f"{language}.json").write_text(dumps(join_search_file(files, language)), encoding="utf-8")
    parts = []
    for source in WORKER_SOURCES:
        text = subprocess.run(["git", "show", f"{WHOLE_COMMIT}:overrides/{source}"], cwd=REPO, capture_output=True, text=True, check=True).stdout
        parts.append(f"/* {source} */\n{text.rstrip()}\n;\n")
    worker = next((dest / "assets" / "javascripts" / "helpcenter").glob("search-worker.*.js"))
    worker.unlink()  # a hard link to ours: replace, do not write through it
    worker.write_text("".join(parts), encoding="utf-8")


def pagefind_index(site: Path) -> float:
    """Pagefind over the built site (into site/pagefind/); returns its CPU seconds."""
    shutil.rmtree(site / "pagefind", ignore_errors=True)
    process = subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(site)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"pagefind failed:\n{output[-3000:]}")
    return usage.ru_utime + usage.ru_stime


# ours and whole: the query arrives in one keyup into Material's box; Pagefind: its API, as its UI calls it.
# The box gets the focus `lead` ms before (a tap, then the phone's keyboard): our worker fetches the
# language's manifest on focus, and Pagefind gets the same time to load its script, entry and wasm (init()).
FOCUS = """() => {
  document.querySelector("input[data-md-component=search-query]").focus()
}"""
TYPE = """([query]) => {
  const input = document.querySelector("input[data-md-component=search-query]")
  input.focus()
  window.__startedAt = performance.now()
  input.value = query
  input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
}"""
PAGEFIND_FOCUS = """([base]) => {
  window.__pagefindReady = import(base + "pagefind/pagefind.js").then(pagefind => pagefind.init().then(() => pagefind))
}"""
PAGEFIND = """async ([query, base]) => {
  const started = performance.now()
  if (!window.__pagefindReady) window.__pagefindReady = import(base + "pagefind/pagefind.js")
  const pagefind = await window.__pagefindReady
  const search = await pagefind.search(query)
  const shown = await Promise.all(search.results.slice(0, 5).map(result => result.data()))
  return [performance.now() - started, search.results.length, shown.length ? shown[0].url : ""]
}"""
LEAD_MS = 300  # from the tap into the box to the first keystroke
STARTS = ("focused", "cold")  # the query typed LEAD_MS after the focus, or as the box gets it (a ?q= link, a fast typist)


def one_load(browser, base: str, site: Path, variant: str, language: str, profile: str, queries: list[str],
             lead_ms: int = LEAD_MS) -> tuple[float, int, int, str]:
    """(ms to the first result of queries[0], its bytes, the next query's bytes, first result's URL), fresh context."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    apply_profile(context, page, profile)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlparse(request.url).path))
    prefix = "" if language == LANGUAGES[0] else f"{language}/"
    page.goto(f"{base}{prefix}{ARTICLE}", wait_until="load", timeout=300000)
    page.wait_for_function("() => window.__searchWatch && window.__searchWatch.readyAt !== null", timeout=300000)
    before = len(requested)
    if lead_ms:
        page.evaluate(PAGEFIND_FOCUS if variant == "pagefind" else FOCUS, [base] if variant == "pagefind" else None)
        page.wait_for_timeout(lead_ms)
    if variant == "pagefind":
        ms, _, url = page.evaluate(PAGEFIND, [queries[0], base])
        middle = len(requested)
        page.evaluate(PAGEFIND, [queries[1], base])
    else:
        page.evaluate(TYPE, [queries[0]])
        page.wait_for_function("() => window.__searchWatch.firstResultAt !== null", timeout=300000)
        ms = page.evaluate("window.__searchWatch.firstResultAt - window.__startedAt")
        url = page.eval_on_selector("a.md-search-result__link", "a => a.pathname") or ""
        page.wait_for_function("q => window.__searchWatch.lastQuery === q && window.__searchWatch.sent === window.__searchWatch.received",
                               arg=queries[0], timeout=300000)
        middle = len(requested)
        page.evaluate(TYPE, [queries[1]])
        page.wait_for_function("q => window.__searchWatch.lastQuery === q && window.__searchWatch.sent === window.__searchWatch.received",
                               arg=queries[1], timeout=300000)
    page.wait_for_timeout(50)
    context.close()
    later = requested[middle:]
    return ms, sent_bytes(site, requested[before:middle]), (sent_bytes(site, later), sent_bytes(site, [p for p in later if is_text(p)])), url


def is_text(path: str) -> bool:
    """A result's text for its snippet: our page chunks (search/<lang>/p<n>.<hash>.json), Pagefind's fragments."""
    name = path.rsplit("/", 1)[-1]
    return "/pagefind/fragment/" in path or ("/search/" in path and name.startswith("p") and name.endswith(".json"))


_sizes: dict[Path, int] = {}


def sent_bytes(site: Path, paths: list[str]) -> int:
    total = 0
    for path in paths:
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if not file.is_file():
            continue
        if file not in _sizes:
            data = file.read_bytes()
            _sizes[file] = min(len(data), len(gzip.compress(data, 6)))
        total += _sizes[file]
    return total


def median(values) -> float:
    values = [v for v in values if v == v]
    return statistics.median(values) if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profiles", nargs="+", choices=sorted(PROFILES), default=["desktop", "phone"])
    parser.add_argument("--reuse", action="store_true", help="keep a size's corpus and build from an earlier run (bench/out/scale-N)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = parser.parse_args()
    missed: list[str] = []
    report: dict = {}
    for size in args.sizes:
        out = args.out / f"scale-{size}"
        stats_file = out / "build.json"
        site = out / "site"
        if args.reuse and stats_file.exists() and site.exists():
            stats = json.loads(stats_file.read_text())
        else:
            project = generate(out / "ours", size)
            stats = build(project, site)
            stats["pagefind_cpu"] = pagefind_index(site)
            stats_file.write_text(json.dumps(stats))
        if not (site / "pagefind").exists():
            stats["pagefind_cpu"] = pagefind_index(site)
        whole_variant(site, out / "whole-site")
        sites = {"ours": site, "whole": out / "whole-site", "pagefind": site}
        # start -> profile -> variant -> kind -> [ms]; variant -> language -> kind -> (first bytes, next bytes)
        times = {s: {p: {v: {k: [] for k in KINDS} for v in VARIANTS} for p in args.profiles} for s in STARTS}
        weights: dict = {v: {lang: {} for lang in LANGUAGES} for v in VARIANTS}
        with chromium() as browser, serve(site) as base, serve(out / "whole-site") as whole_base:
            bases = {"ours": base, "whole": whole_base, "pagefind": base}
            for run in range(args.runs):
                for profile in args.profiles:
                    # The phone: the two-word query only (the slowest of ours), one language per run, to keep the run short.
                    languages = LANGUAGES if profile == "desktop" else LANGUAGES[run % len(LANGUAGES):][:1]
                    kinds = KINDS if profile == "desktop" else KINDS[2:]
                    for language in languages:
                        for number, kind in enumerate(KINDS):
                            if kind not in kinds:
                                continue
                            for variant in VARIANTS:
                                queries = [QUERIES[language][number], QUERIES[language][3]]
                                ms, first, nxt, _ = one_load(browser, bases[variant], sites[variant], variant, language, profile, queries)
                                times["focused"][profile][variant][kind].append(ms)
                                weights[variant][language][kind] = (first, nxt)
                                if kind == KINDS[-1]:  # cold: the two-word query only
                                    ms, *_ = one_load(browser, bases[variant], sites[variant], variant, language, profile, queries, lead_ms=0)
                                    times["cold"][profile][variant][kind].append(ms)
        report[size] = {"build": stats, "times": times, "weights": weights}
        missed += print_size(size, stats, times, weights, args.profiles)
    (args.out / "search-scale.json").write_text(json.dumps(report, indent=1))
    for line in missed:
        print("MISSED:", line)
    return 1 if missed else 0


def print_size(size: int, stats: dict, times: dict, weights: dict, profiles: list[str]) -> list[str]:
    missed = []
    print(f"\n== {size} articles × {len(LANGUAGES)} languages; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("first query KB gzip (all requests after the page's load) / next query KB (of which its new results' texts)")
    print(f"{'lang':5} {'query':20} " + " ".join(f"{v:>22}" for v in VARIANTS))
    for language in LANGUAGES:
        for number, kind in enumerate(KINDS):
            cells = []
            for variant in VARIANTS:
                first, (nxt, texts) = weights[variant][language].get(kind, (float("nan"), (float("nan"), float("nan"))))
                cells.append(f"{first / 1000:6.1f} /{nxt / 1000:5.1f} ({texts / 1000:4.1f})")
            print(f"{language:5} {QUERIES[language][number]:20} " + " ".join(f"{c:>22}" for c in cells))
            first, (total, texts) = weights["ours"][language].get(kind, (0, (0, 0)))
            nxt = total - texts  # the target: "each further query ≤ 40 KB unless it shows new results' snippets"
            target = TARGETS["first_kb"].get(size)
            if target and first / 1000 > target:
                missed.append(f"{size}: {language} {QUERIES[language][number]!r} first query {first / 1000:.1f} KB > {target} KB")
            if nxt / 1000 > TARGETS["next_kb"]:
                missed.append(f"{size}: {language} next query after {QUERIES[language][number]!r} {nxt / 1000:.1f} KB besides its results' texts > {TARGETS['next_kb']} KB")
    for profile in profiles:
        print(f"[{profile}] ms from the query's keystroke to the first result, medians (ratio to ours); "
              f"focused: the box got the focus {LEAD_MS} ms before; cold: as it got it")
        for start in STARTS:
            for kind in KINDS:
                ours = median(times[start][profile]["ours"][kind])
                if ours != ours:
                    continue
                row = "  ".join(f"{v} {median(times[start][profile][v][kind]):7.0f} ({median(times[start][profile][v][kind]) / ours:4.1f}x)" for v in VARIANTS)
                print(f"  {start:7} {kind:10} {row}")
        worst = max(median(times["focused"][profile]["ours"][k]) for k in KINDS if times["focused"][profile]["ours"][k])
        limit = TARGETS[f"{profile}_ms"]
        if size >= 1000 and worst > limit:
            missed.append(f"{size}: {profile} first result {worst:.0f} ms > {limit} ms")
    share = stats["index_cpu"] / stats["cpu"]
    print(f"build: {stats['wall']:.0f} s wall, {stats['cpu']:.0f} s CPU, peak memory {stats['memory_mb']:.0f} MB; "
          f"search indexing {stats['index_cpu']:.1f} s CPU = {share:.1%} of the build's CPU; Pagefind's own indexing {stats['pagefind_cpu']:.1f} s CPU")
    if share > TARGETS["index_share"]:
        missed.append(f"{size}: indexing {share:.1%} of build CPU > {TARGETS['index_share']:.0%}")
    if stats["memory_mb"] > TARGETS["memory_mb"]:
        missed.append(f"{size}: build memory {stats['memory_mb']:.0f} MB > {TARGETS['memory_mb']} MB")
    return missed


if __name__ == "__main__":
    sys.exit(main())
