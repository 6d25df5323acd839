"""Which files are the generator's: `generator/files.txt`, read by new-site and upgrade.

Everything the manifest does not list is the team's (content, data, configuration),
so an upgrade can replace the generator's files and never touch the team's.
"""

from __future__ import annotations

from pathlib import Path

MANIFEST = "generator/files.txt"
# The generator files a help center received (new-site, upgrade): only these are updated or deleted by
# the next upgrade, so a file the team adds under tests/ or overrides/ stays its own.
INSTALLED = "generator/installed.txt"
GENERATOR_ROOT = Path(__file__).resolve().parents[2]  # the checkout this package runs from
_SKIPPED = {"__pycache__", ".pytest_cache", ".ruff_cache", "node_modules"}


class ManifestError(Exception):
    """The generator checkout has no usable manifest; the message says which."""


def read_manifest(root: Path) -> tuple[list[str], list[str]]:
    """(paths, excluded paths) of `root`'s manifest; a folder ends with '/'."""
    path = root / MANIFEST
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        raise ManifestError(f"'{root}' is not a help-center generator: it has no {MANIFEST}.") from None
    entries = [line.split("#")[0].strip() for line in lines]
    include = [e for e in entries if e and not e.startswith("!")]
    exclude = [e[1:] for e in entries if e.startswith("!")]
    return include, exclude


def generator_files(root: Path) -> list[str]:
    """Every file of the generator in `root`, as sorted POSIX paths relative to it."""
    include, exclude = read_manifest(root)
    found: set[str] = set()
    for entry in include:
        target = root / entry
        if entry.endswith("/"):
            if target.is_dir():
                found.update(p.relative_to(root).as_posix() for p in target.rglob("*") if p.is_file() and not _skipped(p.relative_to(root)))
        elif target.is_file():
            found.add(entry)
    return sorted(f for f in found if f != INSTALLED and not any(f == e or (e.endswith("/") and f.startswith(e)) for e in exclude))


def installed_files(site: Path) -> list[str]:
    """The generator files `site` received, or, for a site that has no record, what its manifest lists."""
    try:
        lines = (site / INSTALLED).read_text(encoding="utf-8").splitlines()
    except OSError:
        return generator_files(site)
    return [line for line in lines if line and not line.startswith("#")]


def record_installed(site: Path, files: list[str]) -> None:
    text = "# Written by `helpcenter new-site` and `helpcenter upgrade`: the generator's files this help center has.\n"
    (site / INSTALLED).write_text(text + "".join(f"{f}\n" for f in sorted(files)), encoding="utf-8")


def _skipped(relative: Path) -> bool:
    return any(part in _SKIPPED or part.endswith(".egg-info") for part in relative.parts) or relative.suffix == ".pyc"
