"""The browser's search code, run by node: the same vectors as the Python side."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from helpcenter.search_text import RULES_FILE
from tests.helpers import REPO

VECTORS_FILE = REPO / "tests" / "search_vectors.json"
VECTORS = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))


def node(*args: str) -> dict:
    executable = shutil.which("node")
    assert executable, "node is needed to test the browser's search code (Debian: apt-get install nodejs)"
    done = subprocess.run([executable, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def js_output() -> dict:
    return node(str(REPO / "tests" / "js" / "search_text_run.cjs"), RULES_FILE, str(VECTORS_FILE))


@pytest.mark.parametrize("number", range(len(VECTORS["text"])), ids=lambda n: f"{VECTORS['text'][n]['language']}:{VECTORS['text'][n]['text']}")
def test_text_vectors_in_javascript(js_output, number):
    case = VECTORS["text"][number]
    assert js_output["text"][number] == {"words": case["words"], "terms": case["terms"]}


@pytest.mark.parametrize("number", range(len(VECTORS["query"])), ids=lambda n: f"{VECTORS['query'][n]['language']}:{VECTORS['query'][n]['text']}")
def test_query_vectors_in_javascript(js_output, number):
    assert js_output["query"][number]["units"] == VECTORS["query"][number]["units"]
