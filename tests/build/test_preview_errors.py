"""Generator test: while the build is broken, `mkdocs serve` answers at once with the errors (issue 12, case 8).

MkDocs' livereload server kept every request waiting until a rebuild succeeded (a browser waited
about ten minutes). A real serve process over an own site in tmp_path: break an article's front
matter, request a page, fix it, request it again.
"""

from __future__ import annotations

import time

import pytest
from bs4 import BeautifulSoup

from tests.generator_site import Language, SiteSpec, write_site
from tests.live_server import get, live_server, wait_until

CHAT = {"id": "chat", "kind": "chat", "contact": {"type": "url", "value": "https://vela.example/chat"}, "hours": "always",
        "first_reply_minutes": [1, 5]}
SITE = SiteSpec("Vela", "Europe/Rome", [Language("it", "Italiano", faq_question="Come contatto l'assistenza?"), Language("hy", "Հայերեն")], [CHAT])
HOSTILE = "<script>alert(1)</script>"
REBUILD = 120  # seconds for a rebuild to show, on a loaded machine


def break_front_matter(root) -> str:
    """An unknown problem type whose id is markup, on line 6 of the original FAQ; returns the good text."""
    path = root / "docs" / "it" / "faq.md"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("last_reviewed: 2026-11-20\n", f'last_reviewed: 2026-11-20\nproblems: ["{HOSTILE}"]\n', 1), encoding="utf-8")
    return good


def errors_page(answer) -> bool:
    return answer is not None and answer[0] == 200 and "data-preview-errors" in answer[1]


@pytest.fixture
def server(tmp_path):
    with live_server(write_site(tmp_path / "vela", SITE)) as running:
        yield running


def test_a_broken_build_is_shown_at_once_and_the_fix_brings_the_page_back(server):
    url = server.base + "hy/faq/"
    assert get(url)[0] == 200
    good = break_front_matter(server.root)
    wait_until(lambda: errors_page(get(url)), lambda: f"{url} does not answer with the errors (it hangs):\n{server.output()}", REBUILD)

    started = time.monotonic()
    status, body = get(url, timeout=10)
    assert time.monotonic() - started < 3 and status == 200  # at once, every time, not after a rebuild
    html = BeautifulSoup(body, "html.parser")
    assert html.title.get_text() == "The help center does not build"
    errors = html.select("[data-preview-error]")
    first = next(e for e in errors if e.select_one("[data-file]") and e.select_one("[data-file]").get_text() == "docs/it/faq.md")
    assert first.select_one("[data-line]").get_text() == "6"
    assert first.select_one("[data-message]").get_text() == f"unknown problem type '{HOSTILE}'. Use ids from support.yml `problems`: other."
    assert not [s for s in html.find_all("script") if "alert" in s.get_text()]  # the markup is text, escaped
    assert len(html.find_all("script")) == 1 and "livereload(" in html.script.get_text()  # MkDocs' reload script, for the fix
    assert errors_page(get(server.base + "no-such-page/"))  # every page, not only the broken one

    (server.root / "docs" / "it" / "faq.md").write_text(good, encoding="utf-8")
    wait_until(lambda: not errors_page(get(url)) and (get(url) or (0, ""))[0] == 200, lambda: f"{url} did not come back after the fix:\n{server.output()}", REBUILD)
    page = BeautifulSoup(get(url)[1], "html.parser")
    assert page.select_one("article h1") is not None and not page.select("[data-preview-errors]")


def test_assets_are_still_served_while_broken(server):
    break_front_matter(server.root)
    wait_until(lambda: errors_page(get(server.base)), lambda: f"no errors page:\n{server.output()}", REBUILD)
    answer = get(server.base + "assets/stylesheets/helpcenter.css")
    assert answer is not None and answer[0] in (200, 404)  # answered (the errors page is for pages only)
    assert "data-preview-errors" not in answer[1]


def test_a_preview_started_on_a_broken_build_shows_it_then_the_fixed_site(tmp_path):
    """`make serve` with a mistake already in the files: MkDocs stopped at once; now the preview starts and shows it."""
    root = write_site(tmp_path / "vela", SITE)
    good = break_front_matter(root)
    with live_server(root) as server:
        url = server.base + "hy/faq/"
        assert errors_page(get(url)), server.output()
        (root / "docs" / "it" / "faq.md").write_text(good, encoding="utf-8")
        wait_until(lambda: not errors_page(get(url)) and (get(url) or (0, ""))[0] == 200,
                   lambda: f"{url} did not come back after the fix:\n{server.output()}", REBUILD)
        assert BeautifulSoup(get(url)[1], "html.parser").select_one("article h1") is not None


def test_a_mistake_in_mkdocs_yml_is_shown_too(server):
    """A rebuild loads mkdocs.yml before it builds: its mistakes must not stall the server either."""
    config = server.root / "mkdocs.yml"
    good = config.read_text(encoding="utf-8")
    config.write_text(good.replace("site_name:", "site_name: [unclosed\nsite_name_:", 1), encoding="utf-8")
    url = server.base + "hy/faq/"
    wait_until(lambda: errors_page(get(url)), lambda: f"{url} does not answer with the errors (it hangs):\n{server.output()}", REBUILD)
    first = BeautifulSoup(get(url)[1], "html.parser").select_one("[data-preview-error]")
    broken_line = next(n for n, text in enumerate(good.splitlines(), start=1) if text.startswith("site_name:"))
    assert (first.select_one("[data-file]").get_text(), first.select_one("[data-line]").get_text()) == ("mkdocs.yml", str(broken_line)), first
    config.write_text(good, encoding="utf-8")
    wait_until(lambda: not errors_page(get(url)) and (get(url) or (0, ""))[0] == 200,
               lambda: f"{url} did not come back after the fix:\n{server.output()}", REBUILD)
