"""Publish without ever leaving a half-built site: build aside, check, then swap in one rename.

The new site is built into a fresh folder next to the target (same file system,
so the final rename is atomic), the checks run against that very folder, and
only if both succeed does it replace the target. On Linux the swap is a single
renameat2(RENAME_EXCHANGE): at every instant the target is either the whole old
site or the whole new one. Elsewhere it falls back to two renames.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SITE_VARIABLE = "HELPCENTER_SITE_DIR"  # tells the test suite to check this build instead of building its own
LOG_VARIABLE = "HELPCENTER_BUILD_LOG"  # and where that build's log is, for the tests that read what it reported
_AT_FDCWD, _RENAME_EXCHANGE = -100, 2


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
    """Make `new` the `target` folder; the previous target is deleted afterwards."""
    if not target.exists():
        os.rename(new, target)
        return
    if exchange(new, target):
        shutil.rmtree(new)  # now holds the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old)


def make_world_readable(folder: Path) -> None:
    """A web server running as another user must read the site: mkdtemp made the folder 0700."""
    for path in (folder, *folder.rglob("*")):
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode | (0o755 if path.is_dir() else 0o644))


def publish(config: Path, target: Path, check: list[str], env: dict[str, str] | None = None) -> tuple[bool, str]:
    """Build `config` strictly into a fresh folder, run `check` against it, swap it into `target`.

    Returns (published, message). Output of the build and the check goes to this process's output.
    """
    config = config.resolve()
    root = config.parent
    target = target if target.is_absolute() else root / target
    target.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    handle, log_name = tempfile.mkstemp(prefix="helpcenter-build-", suffix=".log")  # the system's temp folder: never published
    os.close(handle)
    log = Path(log_name)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    try:
        returncode = _build_logged(config, stage, root, environment, log)
        if returncode != 0:
            return False, f"the build failed (exit {returncode}); nothing was published and '{target}' is unchanged."
        make_world_readable(stage)
        tested = subprocess.run(check, cwd=root, env={**environment, SITE_VARIABLE: str(stage), LOG_VARIABLE: str(log)}, check=False)
        if tested.returncode != 0:
            return False, f"the checks failed on the new build (`{shlex.join(check)}`, exit {tested.returncode}); nothing was published and '{target}' is unchanged."
        swap_into_place(stage, target)
        return True, f"published: '{target}' now holds the new build."
    finally:
        log.unlink(missing_ok=True)
        if stage.exists():
            shutil.rmtree(stage, ignore_errors=True)


def _build_logged(config: Path, stage: Path, root: Path, environment: dict[str, str], log: Path) -> int:
    """Run the strict build into `stage`, showing its output as it comes and keeping a copy in `log`."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(stage)]
    with open(log, "w", encoding="utf-8") as kept:
        build = subprocess.Popen(command, cwd=root, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
        assert build.stdout is not None
        for line in build.stdout:
            sys.stdout.write(line)
            kept.write(line)
        sys.stdout.flush()
        return build.wait()


def publish_command(config: Path, target: Path, check_command: str | None) -> int:
    check = shlex.split(check_command) if check_command else default_check_command()
    if not config.exists():
        print(f"error: '{config}' does not exist. Run the command in the help center's folder, or pass --config.", file=sys.stderr)
        return 2
    published, message = publish(config, target, check)
    print(("" if published else "error: ") + message, file=sys.stdout if published else sys.stderr)
    return 0 if published else 1
