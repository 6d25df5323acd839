"""Search quality, ours vs our search before the split index vs stock Material, typed into the real search box in Chromium.

Builds the demo help center three times (ours; "before": the repository at
7d78b24, the whole-file index without typo or keyboard forgiveness, with its
own 12-article demo (issue 14 added 12 more, so it is a reference, not a
like-for-like baseline); the same sources with Material's stock search), types every query of a query set into
each site's search box in its language, and prints Recall@1, Recall@3 and MRR
per language. Sets: bench/search_queries.yml (players' queries; targets:
Recall@3 >= 0.9 in every language, never below stock) and
bench/search_queries_forgiving.yml (misspelt, wrong keyboard layout,
transliterated; target: Recall@3 >= 0.8 in every language).

    python bench/search_quality.py [--sets players forgiving] [--out bench/out/search-quality] [--misses]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import yaml
from search_bench import REPO, WATCH, article_ids, build, chromium, serve, stock_variant

from tests.browser.search_ui import QUERY_INPUT, open_search, result_links, type_query, wait_for_results
from tests.helpers import LANGUAGES, article_path

SETS = {"players": (REPO / "bench" / "search_queries.yml", 0.9), "forgiving": (REPO / "bench" / "search_queries_forgiving.yml", 0.8)}
BEFORE = "7d78b24"  # main just before the split index (and its typo and keyboard forgiveness)
VARIANTS = ("ours", "before", "stock")


def before_variant(dest: Path) -> Path:
    """The repository as it was at BEFORE (its own demo content, 12 articles), to build."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", BEFORE], cwd=REPO, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest


def ranks(browser, base: str, ids: dict[str, tuple[str, str]], language: str, queries: list[dict]) -> list[tuple[dict, int | None, list[str]]]:
    """For each query: the rank (1-based) of the first expected article, or None, and the top three ids."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(base + article_path(language, "faq"))
    open_search(page)
    out = []
    for item in queries:
        field = page.locator(QUERY_INPUT)
        field.press("Control+a")
        field.press("Backspace")
        wait_for_results(page, "", timeout=60000)
        type_query(page, item["q"])
        # A result counts in the page's language only: another language's page does not serve this player.
        found = [article if page_language == language else f"{page_language}:{article}"
                 for page_language, article in (ids.get(urlparse(link).path, ("?", "?")) for link in result_links(page))]
        positions = [found.index(expected) + 1 for expected in item["expect"] if expected in found]
        out.append((item, min(positions) if positions else None, found[:3]))
    context.close()
    return out


def scores(results) -> tuple[float, float, float]:
    n = len(results)
    r1 = sum(1 for _, rank, _ in results if rank == 1) / n
    r3 = sum(1 for _, rank, _ in results if rank and rank <= 3) / n
    mrr = sum(1 / rank for _, rank, _ in results if rank) / n
    return r1, r3, mrr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="+", choices=sorted(SETS), default=["players", "forgiving"])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "search-quality")
    parser.add_argument("--misses", action="store_true", help="list the queries whose article is not first")
    args = parser.parse_args()
    sites = {
        "ours": build(REPO, args.out / "ours-site").site,
        "before": build(before_variant(args.out / "before"), args.out / "before-site").site,
        "stock": build(stock_variant(args.out / "stock"), args.out / "stock-site").site,
    }
    ok = True
    with chromium() as browser:
        for name in args.sets:
            path, target = SETS[name]
            queries = yaml.safe_load(path.read_text(encoding="utf-8"))
            table: dict[str, dict[str, tuple[float, float, float]]] = {}
            misses = []
            for variant, site in sites.items():
                ids = article_ids(site)
                with serve(site) as base:
                    for language in LANGUAGES:
                        results = ranks(browser, base, ids, language, queries[language])
                        table.setdefault(language, {})[variant] = scores(results)
                        misses += [(variant, language, item["q"], item["expect"], rank, top) for item, rank, top in results if rank != 1]
            print(f"\n[{name}] {sum(len(queries[lang]) for lang in LANGUAGES)} queries ({path.name}) typed into the search box (Chromium), per language")
            print(f"{'lang':5} {'n':>3}  " + "  ".join(f"{metric + ' ' + VARIANTS[0]:>9} {VARIANTS[1]:>6} {VARIANTS[2]:>6}" for metric in ("R@1", "R@3", "MRR")))
            met = True
            for language in LANGUAGES:
                row = table[language]
                print(f"{language:5} {len(queries[language]):>3}  " + "  ".join(
                    f"{row['ours'][i]:9.2f} {row['before'][i]:6.2f} {row['stock'][i]:6.2f}" for i in range(3)))
                met &= row["ours"][1] >= target
                if name == "players":  # no drop against stock search on the same content
                    met &= all(row["ours"][i] >= row["stock"][i] for i in (1, 2))
            rule = "never below stock" if name == "players" else "ours"
            print(f"target (Recall@3 >= {target} in every language, {rule}):", "met" if met else "NOT met")
            # `before` is BEFORE's whole repository, its 12 demo articles included: issue 14 added 12 more
            # that answer some queries, so since then its column is for reference, not a like-for-like baseline.
            print(f"  ({VARIANTS[1]}: the repository at {BEFORE} with its own demo content, 12 articles of today's 24)")
            ok &= met
            if args.misses:
                for variant, language, query, expect, rank, top in misses:
                    print(f"  {variant:6} {language} {query!r}: expected {expect}, rank {rank}, top 3 {top}")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
