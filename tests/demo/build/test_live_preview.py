"""`mkdocs serve` (what `make serve` runs) rebuilds on edits to articles and data files, in every language."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator

import pytest

from tests.demo.helpers import LANGUAGES, Project, article_path

TIMEOUT = 60  # seconds to wait for one rebuild to show


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[Project, str, Callable[[], str]]]:
    project = Project(tmp_path_factory.mktemp("serve") / "project")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = (project.root.parent / "serve.log").open("w+", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
                               cwd=project.root, env=env, stdout=log, stderr=subprocess.STDOUT)

    def output() -> str:
        log.flush()
        return (project.root.parent / "serve.log").read_text(encoding="utf-8")

    base = f"http://127.0.0.1:{port}/"
    try:
        _wait(lambda: "Serving on" in output() and _get(base) is not None, f"the server did not start:\n{output()}")
        yield project, base, output
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait(condition: Callable[[], bool], message: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.3)
    raise AssertionError(message)


def _save_like_an_editor(project: Project, relative: str, text: str) -> None:
    """Write a new file and rename it over the old one, as many editors save."""
    temporary = project.root / f"{relative}.tmp-save"
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, project.root / relative)


def test_data_file_edit_shows_in_every_language(server):
    project, base, output = server
    assert "Zorvia" not in (_get(base) or "")
    _save_like_an_editor(project, "support.yml", project.read("support.yml").replace("brand: Lumora", "brand: Zorvia", 1))
    for language in LANGUAGES:
        url = base + article_path(language, "faq")
        _wait(lambda url=url: "Zorvia" in (_get(url) or ""), f"{url} still shows the old brand:\n{output()}")


def test_interface_strings_edit_shows(server):
    project, base, output = server
    url = base + article_path("en", "contact-channels")
    assert "Way to reach us" not in (_get(url) or "")
    project.write("ui-strings.yml", "col_channel: {en: Way to reach us}\n")  # an override of the generator's default
    _wait(lambda: "Way to reach us" in (_get(url) or ""), f"{url} still shows the old column title:\n{output()}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_edit_shows(server, language):
    project, base, output = server
    token = f"Preview check {language} 7731"
    project.write(f"docs/{language}/faq.md", project.read(f"docs/{language}/faq.md") + f"\n{token}\n")
    url = base + article_path(language, "faq")
    _wait(lambda: token in (_get(url) or ""), f"{url} does not show the edit:\n{output()}")


def test_new_synonyms_file_triggers_a_rebuild(server):
    """A data file that does not exist when the server starts (e.g. synonyms.yml) is watched too."""
    project, _, output = server
    time.sleep(1.5)  # let earlier rebuilds settle
    before = output().count("Building documentation...")
    project.write("synonyms.yml", "en:\n  - [cash out, payout]\n")
    _wait(lambda: output().count("Building documentation...") > before, f"no rebuild after synonyms.yml appeared:\n{output()}")
    before = output().count("Building documentation...")
    _save_like_an_editor(project, "synonyms.yml", "en:\n  - [cash out, payout, pay-out]\n")
    _wait(lambda: output().count("Building documentation...") > before, f"no rebuild after synonyms.yml changed:\n{output()}")


def test_template_edit_shows_in_every_language(server):
    """The language builds share compiled templates (hooks/template_cache.py): an edited one is compiled again."""
    project, base, output = server
    marker = '<meta name="hc-preview-check" content="5518">'
    project.replace("overrides/main.html", "{% block extrahead %}\n  {{ super() }}\n", "{% block extrahead %}\n  {{ super() }}\n  " + marker + "\n")
    for language in LANGUAGES:
        url = base + article_path(language, "payments")
        _wait(lambda url=url: marker in (_get(url) or ""), f"{url} does not show the template edit:\n{output()}")
