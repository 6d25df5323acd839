"""ui-strings.yml mistakes a build must name: a missing text, a comma that cut a text short."""

from __future__ import annotations

import pytest

from helpcenter.ui_strings import StringsError, load_strings


def _load(tmp_path, text: str):
    path = tmp_path / "ui-strings.yml"
    path.write_text(text, encoding="utf-8")
    return load_strings(path, ("xx", "yy"))


def test_an_unquoted_comma_in_a_flow_mapping_is_named_with_its_line(tmp_path):
    # YAML reads `yy: What, and why` inside {...} as yy: "What" plus a key "and why" without a value.
    with pytest.raises(StringsError) as caught:
        _load(tmp_path, "col_a: {xx: A, yy: B}\ncol_description: {xx: Text, yy: What, and why}\n")
    assert [(e.line, "'and why' without a text" in e.message) for e in caught.value.errors] == [(2, True)]


def test_a_quoted_comma_is_kept(tmp_path):
    strings = _load(tmp_path, 'col_description: {xx: Text, yy: "What, and why"}\n')
    assert strings.get("col_description", "yy") == "What, and why"
