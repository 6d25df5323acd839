"""Reading rendered HTML: the FAQ's questions and answers, the inline scripts CSP must allow."""

from __future__ import annotations

import pytest

from helpcenter.csp import POLICY, content_security_policy, inline_scripts, script_hash
from helpcenter.faq import FaqEntry, faq_entries

PERMALINK = '<a class="headerlink" href="#{id}" title="Permanent link">&para;</a>'


@pytest.mark.parametrize(("html", "expected"), [
    # The answer runs to the next h2, paragraphs and lists included; links keep their text.
    (f'<h2 id="a">How do I pay?{PERMALINK}</h2><p>By card, see <a href="x/">payments</a>.</p><ul><li>Visa</li><li>Mastercard</li></ul>'
     f'<h2 id="b">Can I cancel?{PERMALINK}</h2><p>No.</p>',
     [FaqEntry("How do I pay?", "By card, see payments. Visa Mastercard"), FaqEntry("Can I cancel?", "No.")]),
    # A heading that is not a question is not an entry and ends the previous answer.
    ('<h2>Where?</h2><p>Here.</p><h2>More reading</h2><p>Not an answer.</p>', [FaqEntry("Where?", "Here.")]),
    # Text before the first question and an h1 are not answers; entities are decoded.
    ('<h1>FAQ</h1><p>Intro.</p><h2>Tom &amp; Jerry?</h2><p>Cat &lt;&gt; mouse.</p><h1>End</h1><p>x</p>',
     [FaqEntry("Tom & Jerry?", "Cat <> mouse.")]),
    # A question without an answer is left out; h3 sub-headings belong to the answer.
    ('<h2>Empty?</h2><h2>Nested?</h2><h3>Part</h3><p>One.</p>', [FaqEntry("Nested?", "Part One.")]),
    # Scripts inside an answer are not text.
    ('<h2>Script?</h2><p>Yes<script>var a = "<h2>no</h2>";</script>.</p>', [FaqEntry("Script?", "Yes.")]),
    ("<p>No headings at all.</p>", []),
])
def test_faq_entries(html, expected):
    assert faq_entries(html) == expected


def test_only_executable_inline_scripts_need_a_hash():
    html = """
    <script>var a = 1;</script>
    <script type="module">import "./x.js";</script>
    <script src="bundle.js"></script>
    <script type="application/json" id="__config">{"a": 1}</script>
    <script type="application/ld+json">{"@type": "FAQPage"}</script>
    <SCRIPT TYPE="text/javascript">
      b = "</p>";
    </SCRIPT>
    """
    assert inline_scripts(html) == ['var a = 1;', 'import "./x.js";', '\n      b = "</p>";\n    ']


def test_script_hash_is_the_csp_spec_example():
    # CSP Level 3, "hash-source": the example script and its published hash.
    assert script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_policy_allows_only_the_site_and_the_given_hashes():
    policy = content_security_policy(["'sha256-B'", "'sha256-A'", "'sha256-A'"])
    directives = {part.split()[0]: part.split()[1:] for part in policy.split("; ")}
    assert directives["script-src"] == ["'self'", "'sha256-A'", "'sha256-B'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    sources = {source for values in directives.values() for source in values}
    assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:"} & sources
    assert all(s in ("'self'", "'none'", "data:") or s.startswith("'sha256-") for s in sources), sources
    assert set(directives) == set(POLICY)
