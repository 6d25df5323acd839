"""Build time and memory as the help center grows: our build vs plain Material.

For each size (articles per language, 4 languages) the script generates two
projects with bench/corpus.py: (a) ours, the full configuration of this
repository (whatever hooks, overrides and data mkdocs.yml lists at run time)
and (b) plain, the same content for stock Material + mkdocs-static-i18n with
no hooks of ours. It builds each `--runs` times in the same run, alternating
(a b, b a, ...), each in a fresh `mkdocs build --strict` subprocess, and prints
medians of wall time, CPU time (user + system of the child, from wait4's
rusage), peak RSS (the child's ru_maxrss), the ratios (a)/(b), time per built
page and the CPU seconds spent inside each of our hooks.

    python bench/build_scale.py                      # 100, 250, 500 articles, 3 runs
    python bench/build_scale.py --sizes 100 500 --runs 5
    python bench/build_scale.py --sizes 500 --runs 1 --profile   # + where our hooks spend it

Targets (exit status 1 if one is missed): our CPU time at most 1.25x plain at
every size (median of the ratios of runs built back to back); CPU time per page at the largest size at most 1.3x that at the
smallest; peak memory under 1 GB at every size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402
from targets import verdict  # noqa: E402

VARIANTS = ("ours", "plain")
MAX_RATIO = 1.25
MAX_PER_PAGE_GROWTH = 1.3
MAX_RSS_MB = 1024


@dataclass
class Run:
    wall: float  # s
    cpu: float  # s, user + system
    rss_mb: float  # peak resident set size
    pages: int  # HTML pages written
    hooks: dict[str, float]  # hook path -> exclusive CPU s


def build(project: Path, site: Path, work: Path) -> Run:
    """One strict build in a fresh process, measured through its rusage."""
    timings = work / "timings.json"
    log = work / "build.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, str(BENCH / "timed_build.py"), str(timings), "--",
               "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)]
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"build of {project} failed ({process.returncode}):\n{log.read_text(encoding='utf-8')[-4000:]}")
    pages = sum(1 for _ in site.rglob("*.html"))
    origins = json.loads(timings.read_text(encoding="utf-8"))
    hooks = {name: origins.get(name, {}).get("cpu", 0.0) for name in _hooks(project)}
    # ru_maxrss is in KiB on Linux.
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, pages, hooks)


def _hooks(project: Path) -> list[str]:
    """The hooks this project's mkdocs.yml lists (they are named so in MkDocs' events)."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=corpus._Loader)
    return list(config.get("hooks") or [])


def profile(project: Path, out: Path) -> None:
    """One build under pyinstrument; prints the call tree lines that are our code."""
    report = out / f"profile-{project.name}.txt"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([sys.executable, "-m", "pyinstrument", "-o", str(report), str(BENCH / "timed_build.py"), str(out / "timings.json"), "--",
                    "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out / "site-profile")],
                   cwd=project, env=env, check=True, stdout=subprocess.DEVNULL)
    lines = report.read_text(encoding="utf-8").splitlines()
    ours = [line for line in lines if str(project / "hooks") in line or "hooks/" in line]
    print(f"\nProfile of one build of {project.name} (pyinstrument, full tree in {report}); lines in our hooks:")
    print("\n".join(lines[:8] + ours[:40]))


def median(runs: list[Run], field: str) -> float:
    return statistics.median(getattr(run, field) for run in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 250, 500], help="articles per language (default: 100 250 500)")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant and size (default: 3)")
    parser.add_argument("--out", type=Path, default=BENCH / "out" / "scale", help="where projects and sites go (default: bench/out/scale)")
    parser.add_argument("--profile", action="store_true", help="also profile one build of ours at the largest size (pyinstrument)")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    args.out.mkdir(parents=True, exist_ok=True)

    print(f"# build_scale  {time.strftime('%Y-%m-%d %H:%M')}  {platform.node()}  {os.cpu_count()} CPUs  "
          f"Python {platform.python_version()}  load avg {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    results: dict[int, dict[str, list[Run]]] = {}
    for size in sizes:
        projects = {v: corpus.generate(args.out / f"{v}-{size}", size, plain=(v == "plain")) for v in VARIANTS}
        if size == sizes[0]:
            print(f"# hooks in mkdocs.yml: {', '.join(_hooks(projects['ours'])) or '(none)'}")
        results[size] = {v: [] for v in VARIANTS}
        for run in range(args.runs):
            order = VARIANTS if run % 2 == 0 else VARIANTS[::-1]
            for variant in order:
                measured = build(projects[variant], args.out / f"site-{variant}-{size}", args.out)
                results[size][variant].append(measured)
                print(f"  {size:>5} articles  run {run + 1}/{args.runs}  {variant:<5}  wall {measured.wall:6.1f} s  "
                      f"cpu {measured.cpu:6.1f} s  rss {measured.rss_mb:5.0f} MB", flush=True)

    print(f"\nMedians of {args.runs} runs; (a) ours, (b) plain Material + i18n; CPU = user + system of the build process;\n"
          "'paired' = median of the per-run ratios a/b (a and b built back to back; the ratio target uses it).\n")
    head = ("articles", "pages", "wall a", "wall b", "cpu a", "cpu b", "cpu a/b", "paired", "wall a/b",
            "ms/page a", "ms/page b", "rss a MB", "rss b MB", "hooks cpu", "hooks %")
    print(" | ".join(f"{h:>9}" for h in head))
    print("-|-".join("-" * 9 for _ in head))
    per_page: dict[int, float] = {}
    misses: list[str] = []
    for size in sizes:
        a, b = results[size]["ours"], results[size]["plain"]
        pages = a[0].pages
        cpu_a, cpu_b = median(a, "cpu"), median(b, "cpu")
        # Each run builds a and b back to back: the median of their ratios cancels most
        # of the load other processes put on the machine. The target uses it.
        paired = statistics.median(x.cpu / y.cpu for x, y in zip(a, b, strict=True))
        hooks_cpu = statistics.median(sum(run.hooks.values()) for run in a)
        per_page[size] = cpu_a / pages * 1000
        row = (size, pages, f"{median(a, 'wall'):.1f}", f"{median(b, 'wall'):.1f}", f"{cpu_a:.1f}", f"{cpu_b:.1f}",
               f"{cpu_a / cpu_b:.2f}", f"{paired:.2f}", f"{median(a, 'wall') / median(b, 'wall'):.2f}",
               f"{per_page[size]:.1f}", f"{cpu_b / pages * 1000:.1f}",
               f"{median(a, 'rss_mb'):.0f}", f"{median(b, 'rss_mb'):.0f}", f"{hooks_cpu:.2f}", f"{hooks_cpu / cpu_a * 100:.1f}")
        print(" | ".join(f"{str(c):>9}" for c in row))
        if paired > MAX_RATIO:
            misses.append(f"{size} articles: ours/plain CPU {paired:.2f} (median of paired runs) > {MAX_RATIO}")
        if max(run.rss_mb for run in a) >= MAX_RSS_MB:
            misses.append(f"{size} articles: peak RSS {max(run.rss_mb for run in a):.0f} MB >= {MAX_RSS_MB} MB")

    print("\nCPU seconds inside each hook (ours, median), at each size:")
    for name in _hooks(args.out / f"ours-{sizes[0]}"):
        cells = "  ".join(f"{size}: {statistics.median(run.hooks.get(name, 0.0) for run in results[size]['ours']):.2f} s" for size in sizes)
        print(f"  {name:<40} {cells}")

    growth = per_page[sizes[-1]] / per_page[sizes[0]]
    print(f"\nCPU per page, {sizes[-1]} vs {sizes[0]} articles: {per_page[sizes[-1]]:.1f} / {per_page[sizes[0]]:.1f} ms = {growth:.2f}x "
          f"(target <= {MAX_PER_PAGE_GROWTH})")
    if len(sizes) > 1 and growth > MAX_PER_PAGE_GROWTH:
        misses.append(f"time per page grows {growth:.2f}x from {sizes[0]} to {sizes[-1]} articles")
    print(f"load avg at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  "
          f"(this process's children used {resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime:.0f} s user CPU)")
    if args.profile:
        profile(args.out / f"ours-{sizes[-1]}", args.out)
    return verdict(misses)


if __name__ == "__main__":
    sys.exit(main())
