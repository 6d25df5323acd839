"""Demo content: the demo's articles and labels use the vocabulary of its glossary.yml."""

from __future__ import annotations


def test_demo_passes_its_glossary(demo_build):
    findings = [line for line in demo_build.output.splitlines() if "helpcenter: Glossary in " in line]
    assert "helpcenter: Glossary: " in demo_build.output  # the check ran
    assert not findings, "\n".join(findings)
