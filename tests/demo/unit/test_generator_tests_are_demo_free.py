"""The generator's tests (everything under tests/ but tests/demo/) use nothing of this demo.

A generator test that read the demo would fail on an adopted copy, where tests/demo/ and the
demo's content are gone. What counts as reading the demo, each checked on the syntax tree:
- importing tests.demo, or the demo's helpers through tests.helpers;
- asking for a demo fixture (tests/demo/conftest.py) that the module or a conftest.py above it
  does not define itself;
- a path from REPO into the demo's content (docs/, support.yml, mkdocs.yml, the text files),
  or building REPO itself;
- naming the demo's brand, except to check that it is absent (`"<brand>" not in text`).
Article ids and language codes used as made-up data in a unit test are not demo content:
the function under test is given them, nothing is read.

This test lives with the demo: it reads the demo's brand, fixtures and helpers from here and
goes with them when a team deletes tests/demo/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.demo.helpers import support_yaml
from tests.helpers import REPO

TESTS = REPO / "tests"
DEMO = TESTS / "demo"
DEMO_FILES = ("docs", "support.yml", "mkdocs.yml", "ui-strings.yml", "synonyms.yml", "glossary.yml")
ALLOWED = {("tests/helpers.py", "tests.demo")}  # forwards the moved helpers to branches written before the split; imports only when asked


def _fixtures(tree: ast.Module) -> set[str]:
    def is_fixture(decorator: ast.expr) -> bool:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        return isinstance(target, ast.Attribute) and target.attr == "fixture" or isinstance(target, ast.Name) and target.id == "fixture"
    return {node.name for node in tree.body if isinstance(node, ast.FunctionDef) and any(is_fixture(d) for d in node.decorator_list)}


def _parse(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


DEMO_FIXTURES = _fixtures(_parse(DEMO / "conftest.py"))
DEMO_HELPERS = {node.name for node in _parse(DEMO / "helpers.py").body if isinstance(node, ast.FunctionDef | ast.ClassDef)} | {
    target.id for node in _parse(DEMO / "helpers.py").body if isinstance(node, ast.Assign) for target in node.targets if isinstance(target, ast.Name)}
BRAND = support_yaml()["brand"]


def findings(relative: str, text: str, inherited_fixtures: set[str] = frozenset()) -> list[str]:
    """What in one generator test module reads the demo, as 'file:line: what'."""
    tree = ast.parse(text, relative)
    own = _fixtures(tree) | set(inherited_fixtures)
    absent: set[int] = set()  # ids of string nodes that are the left side of `not in`
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and all(isinstance(op, ast.NotIn) for op in node.ops):
            absent.add(id(node.left))
    found = []

    def say(node: ast.AST, what: str) -> None:
        found.append(f"{relative}:{node.lineno}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if (node.module == "tests.demo" or node.module.startswith("tests.demo.")) and (relative, "tests.demo") not in ALLOWED:
                say(node, f"imports {node.module}")
            elif node.module == "tests.helpers":
                for alias in node.names:
                    if alias.name in DEMO_HELPERS:
                        say(node, f"imports the demo's {alias.name} (tests/demo/helpers.py)")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "tests.demo" or alias.name.startswith("tests.demo."):
                    say(node, f"imports {alias.name}")
        elif isinstance(node, ast.FunctionDef) and (node.name.startswith("test_") or node.name in own):
            for arg in node.args.args:
                if arg.arg in DEMO_FIXTURES and arg.arg not in own:
                    say(node, f"{node.name} asks for the demo's fixture '{arg.arg}'")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.Name) and node.left.id == "REPO":
            if isinstance(node.right, ast.Constant) and isinstance(node.right.value, str):  # the first step of REPO / "a" / "b"
                first = node.right.value.split("/")[0]
                if first in DEMO_FILES and (relative, first) not in ALLOWED:
                    say(node, f"reads the demo's {node.right.value}")
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id == "REPO":
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name in ("run_build", "Project"):
                say(node, "builds the demo (REPO)")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and BRAND.lower() in node.value.lower() and id(node) not in absent:
            say(node, f"names the demo's brand {BRAND!r}")
    return found


def _generator_modules() -> list[Path]:
    return sorted(p for p in TESTS.rglob("*.py") if DEMO not in p.parents)


def _inherited(path: Path) -> set[str]:
    names: set[str] = set()
    for folder in [path.parent, *path.parent.parents]:
        if folder == TESTS.parent:
            break
        if (folder / "conftest.py").is_file() and folder / "conftest.py" != path:
            names |= _fixtures(_parse(folder / "conftest.py"))
    return names


def test_no_generator_test_reads_the_demo():
    problems = [f for path in _generator_modules()
                for f in findings(path.relative_to(REPO).as_posix(), path.read_text(encoding="utf-8"), _inherited(path))]
    assert problems == [], "Generator tests must build their own site; move a test of the demo's content to tests/demo/:\n" + "\n".join(problems)


def test_the_scan_covers_every_kind_of_generator_test():
    folders = {p.relative_to(TESTS).parts[0] for p in _generator_modules() if p.name.startswith("test_")}
    assert {"unit", "build", "browser"} <= folders


@pytest.mark.parametrize(("text", "expected"), [
    ("from tests.demo.helpers import LANGUAGES\n", "imports tests.demo.helpers"),
    ("import tests.demo.conftest\n", "imports tests.demo.conftest"),
    ("from tests.helpers import REPO, ARTICLE_IDS\n", "imports the demo's ARTICLE_IDS (tests/demo/helpers.py)"),
    ("def test_x(demo_build):\n    pass\n", "test_x asks for the demo's fixture 'demo_build'"),
    ("def test_x(tmp_path, project):\n    pass\n", "test_x asks for the demo's fixture 'project'"),
    ("X = (REPO / 'support.yml').read_text()\n", "reads the demo's support.yml"),
    ("X = REPO / 'docs/ru/payments.md'\n", "reads the demo's docs/ru/payments.md"),
    ("X = REPO / 'docs' / 'en'\n", "reads the demo's docs"),
    ("r = run_build(REPO, tmp)\n", "builds the demo (REPO)"),
    (f"assert '{BRAND} help' in page\n", f"names the demo's brand {BRAND!r}"),
])
def test_each_way_of_reading_the_demo_is_found(text, expected):
    assert [f.split(": ", 1)[1] for f in findings("tests/build/test_x.py", text)] == [expected]


@pytest.mark.parametrize("text", [
    "from tests.helpers import REPO, run_build\n",
    "import pytest\n@pytest.fixture\ndef site_url(tmp_path):\n    return ''\ndef test_x(site_url):\n    pass\n",  # its own fixture
    "def test_x(tmp_path):\n    pass\n",
    "def run_build(project, site):\n    pass\n",  # a helper's parameter, not a fixture
    "X = REPO / 'hooks' / 'helpcenter'\nY = REPO / 'tests' / 'js' / 'worker_run.cjs'\nZ = REPO / 'netlify.toml'\n",  # generator files
    f"assert '{BRAND}' not in text and 'lang=\"az\"' not in text\n",  # a check that the demo left no trace
    "CASES = [('docs/az/payments.md', 'az')]\n",  # made-up data given to a function
])
def test_what_is_not_the_demo_is_not_found(text):
    assert findings("tests/unit/test_x.py", text) == []


def test_a_fixture_from_a_conftest_above_counts_as_the_modules_own():
    assert findings("tests/build/test_x.py", "def test_x(project):\n    pass\n", {"project"}) == []
