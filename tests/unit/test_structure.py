"""The structure comparison as a pure function: Markdown in, differences in plain words out."""

from __future__ import annotations

import pytest

from helpcenter.structure import differences, outline

BASE = """Intro {{ reply:chat }} and {{ brand }}.

## First

1. one
2. two
   - nested a
   - nested b
3. three

## Second?

| a | b | c |
|---|:-:|---|
| 1 | 2 | 3 |

{{ widget:contact-router }}

See [x](other.md#part) and [y](https://example.org/).
"""


def _diff(changed: str) -> list[str]:
    resolve = {"other.md": "other-id", "else.md": "else-id"}
    article_of = lambda target: resolve.get(target.split("#")[0])  # noqa: E731
    return differences(outline(BASE, article_of), outline(changed, article_of), "kk", "fi")


def test_outline_reads_each_part():
    found = outline(BASE, lambda target: "other-id" if target.startswith("other.md") else None)
    assert found.headings == [(2, "First"), (2, "Second?")]
    assert found.sections[1].lists == [("steps", 3), ("list items", 2)]  # in the order they start
    assert found.sections[2].tables == [(1, 3)]
    assert found.questions == 1
    assert found.links == {"other-id": 1}
    assert found.placeholders["{{ widget:contact-router }}"] == 1


def test_the_same_structure_in_other_words_has_no_difference():
    other = BASE.replace("one", "bir").replace("First", "Birinchi").replace("#part", "#qism").replace("{{ brand }}", "")
    assert _diff(other.replace("[y](https://example.org/)", "y")) == []


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("## Second?", "### Second?", ["headings: 2 headings (2 at level 2) in kk, 2 headings (1 at level 2, 1 at level 3) in fi",
                                   'heading 2 ("Second?") is level 2 in kk, "Second?" is level 3 in fi', "1 FAQ question in kk, 0 in fi"]),
    ("## Second?", "## Second", ["1 FAQ question in kk, 0 in fi"]),
    ("3. three\n", "", ['section 1 ("First") (list 1) has 3 steps in kk, 2 in fi']),
    ("   - nested b\n", "", ['section 1 ("First") (list 2) has 2 list items in kk, 1 in fi']),
    ("1. one\n2. two", "- one\n- two", ['section 1 ("First") has 1 numbered list and 1 bulleted list in kk, 1 numbered list and 2 bulleted lists in fi']),
    ("| 1 | 2 | 3 |\n", "| 1 | 2 | 3 |\n| 4 | 5 | 6 |\n", ['section 2 ("Second?"): table has 1 rows and 3 columns in kk, 2 rows and 3 columns in fi']),
    ("|---|:-:|---|", "|---|:-:|", ['section 2 ("Second?"): table has 1 rows and 3 columns in kk, 1 rows and 2 columns in fi']),
    ("{{ widget:contact-router }}\n", "", ["widget {{ widget:contact-router }}: 1 in kk, 0 in fi"]),
    ("{{ reply:chat }}", "{{ reply:email }}", ["placeholder {{ reply:chat }} is in kk only", "placeholder {{ reply:email }} is in fi only"]),
    ("[x](other.md#part)", "[x](else.md)", ["the link to article 'else-id' is in fi only", "the link to article 'other-id' is in kk only"]),
])
def test_each_difference_in_plain_words(old, new, expected):
    assert old in BASE
    assert _diff(BASE.replace(old, new)) == expected


def test_code_is_not_structure():
    assert _diff(BASE + "\n```\n## not a heading\n- not an item\n```\n") == []
