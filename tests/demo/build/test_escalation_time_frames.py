"""The demo's escalation levels promise only the time frame the source states (24–72 h for complex
cases, the investigation team's); the operator and supervisor levels show none (issue 14)."""

from __future__ import annotations

import pytest

from tests.demo.helpers import LANGUAGES, article_path


@pytest.mark.parametrize("language", LANGUAGES)
def test_only_the_investigation_level_has_a_time_frame(demo_build, language):
    table = demo_build.page(article_path(language, "escalation")).select_one('[data-support-table="escalation"]')
    cells = {tr["data-level"]: tr.select("td")[-1].get_text(strip=True) for tr in table.select("tr[data-level]")}
    assert cells["operator"] == "" and cells["supervisor"] == ""
    assert cells["investigation"].startswith("24–72")
    widget = demo_build.page(article_path(language, "contact")).select('[data-problem="withdrawal"] [data-level]')
    assert [li["data-level"] for li in widget if "·" in li.get_text()] == ["investigation"]
