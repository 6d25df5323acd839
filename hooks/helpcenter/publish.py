"""Publish without ever leaving a half-built site: build aside, check, then swap in one rename.

The new site is built into a fresh work folder next to the target (same file system,
so the final rename is atomic), the checks run against that very folder, and
only if both succeed does it replace the target. On Linux the swap is a single
renameat2(RENAME_EXCHANGE): at every instant the target is either the whole old
site or the whole new one. Elsewhere it falls back to two renames.

Stopped at any point, it leaves the target as it was and nothing beside it:
SIGTERM, SIGINT and SIGHUP stop the running build or check and remove the work
folder (which also holds the children's TMPDIR); the children die with it (Linux);
and a run killed outright (SIGKILL, power loss) is cleaned up by the next one,
which holds a lock on the target's parent folder, so two publishes never overlap.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SITE_VARIABLE = "HELPCENTER_SITE_DIR"  # tells the test suite to check this build instead of building its own
LOG_VARIABLE = "HELPCENTER_BUILD_LOG"  # and where that build's log is, for the tests that read what it reported
CHECK_VARIABLE = "HELPCENTER_CHECK_COMMAND"  # the check command when --check-command is not given (CI, tests)
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
_AT_FDCWD, _RENAME_EXCHANGE, _PR_SET_PDEATHSIG = -100, 2, 1


def default_check_command() -> list[str]:
    return [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_into_place(new: Path, target: Path) -> None:
    """Make `new` the `target` folder; `new` then holds the previous site (the caller deletes it)."""
    if not target.exists():
        os.rename(new, target)
        return
    if exchange(new, target):
        return
    # Two renames: the previous site waits in <work>/old, where an interrupted run's successor finds it (restore_leftovers).
    old = new.parent / "old"
    os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(old, target)
        raise


def work_prefix(target: Path) -> str:
    return f".{target.name}.publish-"


def restore_leftovers(target: Path) -> list[Path]:
    """Remove what runs that were killed outright left beside `target` (call with the lock held).

    A run killed between the two renames of the fallback swap left the previous site in
    <work>/old and no target: it goes back first. Returns the folders removed.
    """
    removed = []
    for folder in sorted(target.parent.glob(work_prefix(target) + "*")):
        if not target.exists() and (folder / "old").is_dir():
            os.rename(folder / "old", target)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


@contextmanager
def publish_lock(folder: Path) -> Iterator[bool]:
    """An exclusive lock on `folder` (the target's parent) for one publish; False if another run holds it."""
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(handle)  # releases the lock


class Stop:
    """The stop signals, while a publish runs: remembered, and passed on to the running child."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self.child: subprocess.Popen | None = None
        self._previous: dict[int, object] = {}

    def __enter__(self) -> Stop:
        for number in STOP_SIGNALS:
            self._previous[number] = signal.signal(number, self._received)
        return self

    def __exit__(self, *exc: object) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]

    def _received(self, number: int, frame: object) -> None:
        self.signal = self.signal or number
        if self.child and self.child.poll() is None:
            self.child.terminate()

    @property
    def name(self) -> str:
        return signal.Signals(self.signal).name if self.signal else ""

    def run(self, command: list[str], cwd: Path, env: dict[str, str], tee: Path | None = None) -> int:
        """Run a child that dies with this process (Linux); a stop signal terminates it.

        With `tee`, its output is shown as it comes and a copy kept in that file."""
        if self.signal:
            return -1
        self.child = subprocess.Popen(command, cwd=cwd, env=env, preexec_fn=_die_with_parent,
                                      **({"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True, "errors": "replace"} if tee else {}))
        try:
            if tee:
                with open(tee, "w", encoding="utf-8") as kept:
                    assert self.child.stdout is not None
                    for line in self.child.stdout:  # ends when the child exits (or is stopped)
                        sys.stdout.write(line)
                        kept.write(line)
                    sys.stdout.flush()
            while True:
                try:
                    return self.child.wait(timeout=1)
                except subprocess.TimeoutExpired:
                    if self.signal and self.child.poll() is None:
                        self.child.kill()  # it ignored SIGTERM for a second
        finally:
            self.child = None


def _die_with_parent() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: an orphaned child finishes on its own; the next run removes its folder


def make_world_readable(folder: Path) -> None:
    """A web server running as another user must read the site: mkdtemp made the folder 0700."""
    for path in (folder, *folder.rglob("*")):
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode | (0o755 if path.is_dir() else 0o644))


def publish(config: Path, target: Path, check: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    """Build `config` strictly into a fresh folder, run `check` against it, swap it into `target`.

    Returns (exit status, message): 0 published, 1 refused, 128+N stopped by signal N. Output of
    the build and the check goes to this process's output.
    """
    config = config.resolve()
    root = config.parent
    target = target if target.is_absolute() else root / target
    target.parent.mkdir(parents=True, exist_ok=True)
    unchanged = f"nothing was published and '{target}' is unchanged."
    with publish_lock(target.parent) as locked:
        if not locked:
            return 1, f"another publish into '{target.parent}' is running; {unchanged}"
        for folder in restore_leftovers(target):
            print(f"removed {folder.name}, left by a publish that was killed", file=sys.stderr)
        with Stop() as stop:
            work = Path(tempfile.mkdtemp(prefix=work_prefix(target), dir=target.parent))
            try:
                return _publish_in(work, config, target, check, env or {}, stop, unchanged)
            finally:
                shutil.rmtree(work, ignore_errors=True)


def _publish_in(work: Path, config: Path, target: Path, check: list[str], env: dict[str, str], stop: Stop,
                unchanged: str) -> tuple[int, str]:
    stage, scratch, log = work / "site", work / "tmp", work / "build.log"  # the log beside the site: never published
    scratch.mkdir()
    # TMPDIR inside the work folder: what a stopped build or test leaves in it goes with the folder.
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(scratch), **env}

    def stopped(during: str) -> tuple[int, str]:
        return 128 + (stop.signal or 0), f"stopped by {stop.name} {during}; {unchanged}"

    build = stop.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(stage)],
                     config.parent, environment, tee=log)
    if stop.signal:
        return stopped("during the build")
    if build != 0:
        return 1, f"the build failed (exit {build}); {unchanged}"
    make_world_readable(stage)
    tested = stop.run(check, config.parent, {**environment, SITE_VARIABLE: str(stage), LOG_VARIABLE: str(log)})
    if stop.signal:
        return stopped("after the checks passed, just before the swap" if tested == 0 else "during the checks")
    if tested != 0:
        return 1, f"the checks failed on the new build (`{shlex.join(check)}`, exit {tested}); {unchanged}"
    # From here on a stop signal is only remembered: the swap is one rename, and what follows is clean-up.
    swap_into_place(stage, target)
    return 0, f"published: '{target}' now holds the new build."


def publish_command(config: Path, target: Path, check_command: str | None) -> int:
    check_command = check_command or os.environ.get(CHECK_VARIABLE)
    check = shlex.split(check_command) if check_command else default_check_command()
    if not config.exists():
        print(f"error: '{config}' does not exist. Run the command in the help center's folder, or pass --config.", file=sys.stderr)
        return 2
    status, message = publish(config, target, check)
    print(("" if status == 0 else "error: ") + message, file=sys.stdout if status == 0 else sys.stderr)
    return status
