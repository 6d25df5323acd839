"""`upgrade FROM`: bring a help center's generator files to those of a newer generator.

FROM is a checkout of the generator (a folder) or anything `git clone` takes (a URL,
a path to a repository). The files its manifest (generator/files.txt) lists are
copied over this site's; generator files it no longer lists are deleted. The team's
files (everything the manifests do not list) are never written: a path the new
manifest claims that the site already has as its own is left alone and reported.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .generator_files import ManifestError, generator_files, installed_files, record_installed


class UpgradeError(Exception):
    """The upgrade cannot run; the message says why. Nothing was written."""


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # claimed by the new generator but the team's here: not written
    installed: list[str] = field(default_factory=list)  # the generator files the site has afterwards


def plan_upgrade(site: Path, source: Path) -> Changes:
    """What `apply_upgrade` would do, as relative paths; writes nothing."""
    try:
        ours = set(installed_files(site))
    except ManifestError:
        raise UpgradeError(f"'{site}' has no generator/files.txt: it was not made with `helpcenter new-site` (or predates it). "
                           "Copy the generator's files by hand once, then upgrade.") from None
    try:
        theirs = generator_files(source)
    except ManifestError as e:
        raise UpgradeError(str(e)) from None
    changes = Changes()
    for relative in theirs:
        target = site / relative
        if not target.exists():
            changes.added.append(relative)
        elif relative not in ours:
            changes.kept.append(relative)
        elif not filecmp.cmp(source / relative, target, shallow=False):
            changes.updated.append(relative)
    changes.removed = sorted(f for f in ours - set(theirs) if (site / f).is_file())
    changes.installed = sorted(set(theirs) - set(changes.kept))
    return changes


def apply_upgrade(site: Path, source: Path, changes: Changes) -> None:
    for relative in (*changes.added, *changes.updated):
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / relative, target)
    for relative in changes.removed:
        (site / relative).unlink(missing_ok=True)
    record_installed(site, changes.installed)


def upgrade(site: Path, origin: str) -> Changes:
    """Upgrade `site` from `origin` (a generator folder, or a git URL or repository path to clone)."""
    folder = Path(origin).expanduser()
    if folder.is_dir() and (folder / "generator" / "files.txt").is_file():
        if folder.resolve() == site.resolve():
            raise UpgradeError("FROM is this help center itself. Give a newer generator checkout or its git URL.")
        changes = plan_upgrade(site, folder)
        apply_upgrade(site, folder, changes)
        return changes
    with tempfile.TemporaryDirectory(prefix="helpcenter-upgrade-") as tmp:
        clone = Path(tmp) / "generator"
        done = subprocess.run(["git", "clone", "--quiet", "--depth", "1", origin, str(clone)], capture_output=True, text=True)
        if done.returncode != 0:
            raise UpgradeError(f"'{origin}' is neither a generator checkout nor a repository git can clone: {done.stderr.strip()}")
        changes = plan_upgrade(site, clone)
        apply_upgrade(site, clone, changes)
        return changes
