"""Adopting the generator as another team would, for tests: a generator checkout of its own in tmp_path
(this checkout's generator files, committed to a fresh git repository), and the documented commands
run against it as a team runs them (`make` targets in the team's folder, with the venv of this run)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpcenter.generator_files import INSTALLED, generator_files, installed_files
from tests.helpers import REPO

VENV = Path(sys.executable).parents[1]  # this run's venv
GIT = {"GIT_AUTHOR_NAME": "Upstream", "GIT_AUTHOR_EMAIL": "upstream@example.org", "GIT_COMMITTER_NAME": "Upstream",
       "GIT_COMMITTER_EMAIL": "upstream@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
ENV = {**os.environ, **GIT, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def run(command: list[str], cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, timeout=900)
    assert not check or done.returncode == 0, f"{command} in {cwd}:\n{done.stdout}\n{done.stderr}"
    return done


def make(target: str, cwd: Path, *assignments: str, check: bool = True) -> subprocess.CompletedProcess:
    """A documented make target, run with this run's venv; `STAMP=` drops the install step, so a copy never
    installs itself (pip install -e) into the venv the tests run in."""
    return run(["make", "--no-print-directory", target, f"VENV={VENV}", "STAMP=", *assignments], cwd, check)


def generator_checkout(dest: Path) -> Path:
    """A generator repository at one commit: the files this checkout's manifest lists, plus netlify.toml."""
    for relative in [*generator_files(REPO), "netlify.toml"]:
        (dest / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / relative, dest / relative)
    commit(dest, "Generator at the adopted commit", init=True)
    return dest


def commit(repo: Path, message: str, init: bool = False) -> None:
    if init:
        run(["git", "init", "--quiet", "--initial-branch=main"], repo)
    run(["git", "add", "-A"], repo)
    run(["git", "commit", "--quiet", "-m", message], repo)


def team_files(site: Path) -> dict[str, bytes]:
    """Every file of the site that is not one of the generator files it received (content, data, configuration,
    and anything the team added beside the generator's files)."""
    ours = {*installed_files(site), INSTALLED}
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
            if p.is_file() and p.relative_to(site).as_posix() not in ours and p.relative_to(site).parts[0] not in ("site", ".git")
            and "__pycache__" not in p.parts and ".pytest_cache" not in p.parts}
