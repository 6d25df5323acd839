"""The browser script routes the shared case table exactly like Python (run under Node, whose Intl has the zone data)."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import datetime

import pytest

from helpcenter.routing import schedule_json
from tests.helpers import REPO
from tests.unit.routing_table import CASES, SCHEDULES, Case

SCRIPT = REPO / "overrides" / "assets" / "javascripts" / "contact-router.js"

# Reads {models, cases} on stdin, prints per case [[id, open, next ms or null], ...].
RUNNER = """
const { route } = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = input.cases.map(c => route(input.models[c.schedule], c.channels, c.urgent, c.at)
  .map(s => [s.id, s.open, s.next]));
process.stdout.write(JSON.stringify(out));
"""


def _models() -> dict[str, dict]:
    return {name: {"tz": zone, "channels": {cid: schedule_json(c) for cid, c in channels.items()}} for name, (zone, channels) in SCHEDULES.items()}


def _ms(moment: datetime | None) -> int | None:
    return None if moment is None else int(moment.timestamp() * 1000)


@pytest.fixture(scope="module")
def js_results() -> dict[str, list]:
    cases = [{"schedule": c.schedule, "channels": list(c.channels), "urgent": c.urgent, "at": _ms(c.at)} for c in CASES]
    # The player's own zone must not matter: run Node in an odd one.
    env = {**os.environ, "TZ": "Pacific/Chatham"}
    done = subprocess.run(["node", "-e", RUNNER, str(SCRIPT)], input=json.dumps({"models": _models(), "cases": cases}),
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    return dict(zip([c.name for c in CASES], json.loads(done.stdout), strict=True))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_script_routes_the_case_like_python(js_results, case: Case):
    expected = [[cid, is_open, _ms(moment)] for cid, is_open, moment in case.expect]
    assert js_results[case.name] == expected
