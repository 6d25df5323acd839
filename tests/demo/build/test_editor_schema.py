"""One definition of support.yml: the schema editors read is the one the build enforces."""

from __future__ import annotations

import json

import jsonschema
import yaml

from helpcenter.support_data import SCHEMA_FILE
from tests.helpers import REPO


def test_data_file_points_editors_at_the_schema():
    first_line = (REPO / "support.yml").read_text(encoding="utf-8").split("\n", 1)[0]
    assert first_line == "# yaml-language-server: $schema=./support.schema.json"
    assert SCHEMA_FILE == REPO / "support.schema.json"
    assert "support.schema.json" in (REPO / "README.md").read_text(encoding="utf-8")


def test_schema_is_valid_and_accepts_the_demo_data():
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load((REPO / "support.yml").read_text(encoding="utf-8")))


def test_changing_the_schema_changes_what_the_build_accepts(project):
    """Tighten the schema file an editor uses: the build follows it, with no second copy to update."""
    schema = json.loads(project.read("support.schema.json"))
    schema["properties"]["brand"]["maxLength"] = 3
    project.write("support.schema.json", json.dumps(schema, ensure_ascii=False, indent=2))
    result = project.build()
    assert result.returncode != 0 and "Traceback" not in result.output
    line = project.read("support.yml").split("\n").index("brand: Lumora") + 1
    assert any(row.startswith("ERROR") and f"Error in 'support.yml', line {line}: brand" in row for row in result.output.splitlines()), result.output
