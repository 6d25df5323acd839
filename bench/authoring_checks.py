"""Cost of the translation status, content checks and preview hooks on the build, and of `status`.

Builds the demo, and the demo plus N generated articles in every language
(each linking to the next with an anchor), with and without the three hooks of
issue 5 (translations, content_checks, preview); prints median build times and
the ratio. Run: .venv/bin/python bench/authoring_checks.py [--articles 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.helpers import LANGUAGES, Project  # noqa: E402

OUR_HOOKS = ("  - hooks/translations.py\n", "  - hooks/content_checks.py\n", "  - hooks/preview.py\n")


def generate(project: Project, count: int) -> None:
    entries = []
    for number in range(count):
        article_id = f"bench-{number:04d}"
        entries.append(f"      - {article_id}.md")
        for language in LANGUAGES:
            following = f"bench-{(number + 1) % count:04d}.md#section-{language}-2"
            body = "\n\n".join(f"## Section {language} {s}\n\nText {s} of {article_id}, see [next]({following}) and [top](#section-{language}-1)." for s in range(1, 6))
            meta = f"---\nid: {article_id}\ntitle: \"{article_id} {language}\"\ndescription: Bench.\nlast_reviewed: 2026-11-20\n---\n\n"
            project.write(f"docs/{language}/{article_id}.md", meta + body + "\n")
    project.replace("mkdocs.yml", "  - Tez-tez verilən suallar:\n      - faq.md\n", "  - Tez-tez verilən suallar:\n      - faq.md\n  - Bench:\n" + "\n".join(entries) + "\n")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Project) -> tuple[float, float]:
    """(wall seconds, CPU seconds): CPU time is steadier when other work shares the machine."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start, cpu = time.perf_counter(), _cpu()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.root / "mkdocs.yml"), "-d", str(project.root / "site")],
                          cwd=project.root, env=env, capture_output=True, text=True)
    elapsed, used = time.perf_counter() - start, _cpu() - cpu
    if done.returncode != 0:
        raise SystemExit(done.stdout + done.stderr)
    return elapsed, used


def variant(root: Path, name: str, articles: int, with_hooks: bool) -> Project:
    project = Project(root / name)
    if not with_hooks:
        for line in OUR_HOOKS:
            project.replace("mkdocs.yml", line, "")
    if articles:
        generate(project, articles)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        for label, articles in (("demo (12 articles x 4 languages)", 0), (f"demo + {args.articles} articles x 4 languages", args.articles)):
            projects = {hooks: variant(root, f"{articles}-{hooks}", articles, hooks) for hooks in (False, True)}
            times: dict[bool, list[tuple[float, float]]] = {False: [], True: []}
            for _ in range(args.repeat):
                for hooks, project in projects.items():  # interleaved, so load from other work hits both alike
                    times[hooks].append(timed_build(project))
            for index, kind in ((0, "wall"), (1, "CPU")):
                without = statistics.median(t[index] for t in times[False])
                with_ = statistics.median(t[index] for t in times[True])
                print(f"{label}: build {kind} time without issue-5 hooks {without:.2f} s, with {with_:.2f} s "
                      f"(median of {args.repeat}); ratio {with_ / without:.2f}")
            env = {**os.environ, "PYTHONPATH": str(projects[True].root / "hooks")}
            runs = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "helpcenter", "status"], cwd=projects[True].root, env=env, capture_output=True, check=True)
                runs.append(time.perf_counter() - start)
            print(f"{label}: `python -m helpcenter status` {statistics.median(runs):.2f} s (median of {args.repeat})")


if __name__ == "__main__":
    main()
