"""README, "When the build says no": every message it shows is what the build prints today (issue 12).

Each mistake of the README's list is made in a copy of the demo; the strict build must print
the README's line exactly (support.yml and ui-strings.yml mistakes stop the build before the
articles are read, so they get a build of their own; the article mistakes are all in one
language, as a build stops after the first language with errors).
"""

from __future__ import annotations

import re

from tests.helpers import REPO


def _readme_messages() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("### When the build says no", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)\n```", section, re.S)
    assert block, "no example block in the README's 'When the build says no'"
    return [line for line in block.group(1).split("\n") if line.startswith(("ERROR", "WARNING"))]


def _errors(result) -> list[str]:
    return [line.rstrip() for line in result.output.splitlines() if line.startswith(("ERROR", "WARNING"))]


def test_readme_shows_the_article_messages_the_build_prints(project):
    project.replace("docs/en/faq.md", "\n---\n", "\n\n")  # the front matter's closing line deleted
    project.replace("docs/en/contact.md", "last_reviewed:", 'title: "Contact us"\nlast_reviewed:')  # a second title
    project.replace("docs/en/payments.md", "(escalation.md)", "(../ru/escalation.md)")  # a link into another language
    access = project.root / "docs/en/account-access.md"  # saved as Turkish Latin-5 by an editor
    access.write_bytes((access.read_text(encoding="utf-8") + "\nGiriş yapamıyorum.\n").encode("iso-8859-9"))
    printed = _errors(project.build())
    shown = [line for line in _readme_messages() if "support.yml" not in line and "ui-strings.yml" not in line]
    assert shown and all(line in printed for line in shown), (shown, printed)


def test_readme_shows_the_data_messages_the_build_prints(project):
    project.replace("support.yml", "timezone_label:", "timezone: Europe/Istanbul\ntimezone_label:")  # a second timezone
    project.write("ui-strings.yml", project.read("ui-strings.yml") + "col_description: {tr: Nedir, neden istenir}\n")  # an unquoted comma
    printed = _errors(project.build())
    shown = [line for line in _readme_messages() if "support.yml" in line or "ui-strings.yml" in line]
    assert shown and all(line in printed for line in shown), (shown, printed)
