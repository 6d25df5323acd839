"""Generator test: `.ci/publish` (what `make publish` runs) killed at any point leaves the published
folder exactly as it was and nothing beside it (issue 12, faults in publishing).

A small own site and a stub check command ($HELPCENTER_CHECK_COMMAND) keep each run short; the
publish script, its processes and the signals are the real ones.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.generator_site import Language, SiteSpec, write_site
from tests.helpers import REPO

WAIT = 180  # seconds, on a loaded machine
CHAT = {"id": "chat", "kind": "chat", "contact": {"type": "url", "value": "https://tuul.example/chat"}, "hours": "always",
        "first_reply_minutes": [1, 5]}
SITE = SiteSpec("Tuul", "Asia/Ulaanbaatar", [Language("mn", "Монгол"), Language("kk", "Қазақша")], [CHAT])

# The stub check: says where it runs (pid, TMPDIR, the build it checks), then waits to be stopped.
CHECK_AND_WAIT = ("import json, os, sys, time; "
                  "open(sys.argv[1], 'w').write(json.dumps({'pid': os.getpid(), 'tmp': os.environ['TMPDIR'], "
                  "'site': os.environ['HELPCENTER_SITE_DIR']})); time.sleep(600)")
# The stub check that passes, having asked for the publish to stop: the signal arrives just before the swap.
PASS_AND_STOP = ("import os, signal, sys; number = int(sys.argv[1]); [signal.signal(n, signal.SIG_IGN) for n in (number, signal.SIGTERM)]; "
                 "(os.killpg(os.getpgid(0), number) if sys.argv[2] == 'group' else os.kill(os.getppid(), number)); sys.exit(0)")


@pytest.fixture
def project(tmp_path) -> Path:
    root = write_site(tmp_path / "tuul", SITE)
    (root / ".ci").mkdir()
    shutil.copy2(REPO / ".ci" / "publish", root / ".ci" / "publish")
    for relative, text in (("site/index.html", "<p>the site players see now</p>"), ("site/kk/index.html", "<p>old kk</p>"),
                           ("site/assets/app.css", "body{}")):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every path under `folder` with its mode and content: 'exactly as it was'."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mode, p.read_bytes() if p.is_file() else b"") for p in [folder, *folder.rglob("*")]}


def beside_site(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site"))


def start(root: Path, check: str, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHON": sys.executable, "PYTHONDONTWRITEBYTECODE": "1",
           "HELPCENTER_CHECK_COMMAND": shlex.join([sys.executable, "-c", check, *args])}
    return subprocess.Popen([str(root / ".ci" / "publish"), "site"], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)  # its own process group, as a terminal's foreground job


def wait_for(condition, what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if condition():
            return
        if process.poll() is not None:
            raise AssertionError(f"publish ended before {what}:\n{process.stdout.read()}")
        time.sleep(0.05)
    raise AssertionError(f"no {what} within {WAIT} s")


def send(process: subprocess.Popen, number: int, to: str) -> None:
    if to == "group":
        os.killpg(process.pid, number)  # Ctrl-C in a terminal: every process of the job
    else:
        os.kill(process.pid, number)  # `kill PID`, a CI runner cancelling the step


def gone(pid: int) -> bool:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def finish(process: subprocess.Popen) -> tuple[int, str]:
    output, _ = process.communicate(timeout=WAIT)
    return process.returncode, output


SIGNALS = [pytest.param(signal.SIGTERM, "process", id="SIGTERM-to-publish"), pytest.param(signal.SIGINT, "group", id="Ctrl-C")]


@pytest.mark.parametrize(("number", "to"), SIGNALS)
def test_stopped_during_the_build(project, number, to):
    before = snapshot(project / "site")
    marker = project.parent / "checks-started.json"
    process = start(project, CHECK_AND_WAIT, str(marker))
    wait_for(lambda: any(p.is_file() for p in project.glob(".site.publish-*/site/**/*")), "file of the new build", process)
    send(process, number, to)
    status, output = finish(process)
    assert not marker.exists(), "the build had finished: this was not a stop during the build"
    assert status == 128 + number and f"stopped by {number.name} during the build" in output, output
    assert snapshot(project / "site") == before and beside_site(project) == []
    assert "Traceback" not in output


@pytest.mark.parametrize(("number", "to"), SIGNALS)
def test_stopped_during_the_checks(project, number, to):
    before = snapshot(project / "site")
    marker = project.parent / "checks-started.json"
    process = start(project, CHECK_AND_WAIT, str(marker))
    wait_for(marker.exists, "start of the checks", process)
    time.sleep(0.2)  # the stub has written its whole note
    check = json.loads(marker.read_text(encoding="utf-8"))
    assert Path(check["site"]).is_dir() and Path(check["tmp"]).is_dir()
    send(process, number, to)
    status, output = finish(process)
    assert status == 128 + number and f"stopped by {number.name} during the checks" in output, output
    assert snapshot(project / "site") == before and beside_site(project) == []
    assert gone(check["pid"]), "the check kept running"
    assert not Path(check["tmp"]).exists()  # what the check wrote in its TMPDIR went with the work folder


@pytest.mark.parametrize(("number", "to"), SIGNALS)
def test_stopped_just_before_the_swap(project, number, to):
    before = snapshot(project / "site")
    status, output = finish(start(project, PASS_AND_STOP, str(int(number)), to))
    assert status == 128 + number and f"stopped by {number.name} after the checks passed, just before the swap" in output, output
    assert snapshot(project / "site") == before and beside_site(project) == []


def test_killed_outright_then_the_next_run_cleans_up(project):
    """SIGKILL cannot be handled: the site stays as it was, the check dies with the publish, and the
    next publish removes the folder the killed one left."""
    before = snapshot(project / "site")
    marker = project.parent / "checks-started.json"
    process = start(project, CHECK_AND_WAIT, str(marker))
    wait_for(marker.exists, "start of the checks", process)
    time.sleep(0.2)
    check = json.loads(marker.read_text(encoding="utf-8"))
    os.kill(process.pid, signal.SIGKILL)
    finish(process)
    assert snapshot(project / "site") == before
    assert gone(check["pid"]), "the check outlived the publish"
    assert len(beside_site(project)) == 1
    status, output = finish(start(project, "import sys; sys.exit(7)"))
    assert status == 1 and "exit 7" in output and "left by a publish that was killed" in output, output
    assert snapshot(project / "site") == before and beside_site(project) == []


def test_two_publishes_never_overlap(project):
    marker = project.parent / "checks-started.json"
    first = start(project, CHECK_AND_WAIT, str(marker))
    try:
        wait_for(marker.exists, "start of the checks", first)
        status, output = finish(start(project, "import sys; sys.exit(0)"))
        assert status == 1 and "another publish" in output and "is running" in output, output
    finally:
        send(first, signal.SIGTERM, "process")
        finish(first)
    assert beside_site(project) == []
