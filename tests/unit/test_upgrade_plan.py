"""plan_upgrade: which generator files an upgrade adds, updates and removes, and which it leaves to the team."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.generator_files import record_installed
from helpcenter.upgrade import UpgradeError, apply_upgrade, plan_upgrade

MANIFEST = "generator/\nhooks/\ntests/\n!tests/demo/\nMakefile\nnetlify.toml\n"


def tree(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def test_added_updated_removed_and_the_teams_files_kept(tmp_path):
    site = tree(tmp_path / "site", {"generator/files.txt": MANIFEST.replace("netlify.toml\n", ""), "hooks/a.py": "old", "hooks/gone.py": "x",
                                    "Makefile": "same", "tests/test_team.py": "ours", "netlify.toml": "ours", "mkdocs.yml": "ours"})
    record_installed(site, ["generator/files.txt", "hooks/a.py", "hooks/gone.py", "Makefile"])
    source = tree(tmp_path / "new", {"generator/files.txt": MANIFEST, "hooks/a.py": "new", "hooks/b.py": "added", "Makefile": "same",
                                     "netlify.toml": "theirs", "tests/demo/test_demo.py": "demo", "tests/helpers.py": "h"})
    changes = plan_upgrade(site, source)
    assert changes.added == ["hooks/b.py", "tests/helpers.py"]
    assert changes.updated == ["generator/files.txt", "hooks/a.py"]
    assert changes.removed == ["hooks/gone.py"]
    assert changes.kept == ["netlify.toml"]  # the new generator lists it, but the site's is the team's
    apply_upgrade(site, source, changes)
    assert (site / "hooks/a.py").read_text(encoding="utf-8") == "new" and not (site / "hooks/gone.py").exists()
    assert (site / "netlify.toml").read_text(encoding="utf-8") == "ours" and (site / "tests/test_team.py").read_text(encoding="utf-8") == "ours"
    assert not (site / "tests/demo").exists()
    assert plan_upgrade(site, source).added == [] and plan_upgrade(site, source).updated == []  # a second run changes nothing


def test_a_folder_without_a_manifest_is_refused(tmp_path):
    site = tree(tmp_path / "site", {"generator/files.txt": MANIFEST})
    with pytest.raises(UpgradeError, match="is not a help-center generator: it has no generator/files.txt"):
        plan_upgrade(site, tmp_path)
