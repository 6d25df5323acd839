"""The live preview's errors page: which file and line a log line names, and which requests get the page."""

from __future__ import annotations

import pytest

from helpcenter.preview_errors import is_page_request, preview_error


@pytest.mark.parametrize(("message", "file", "line", "text"), [
    ("helpcenter: Error in 'docs/it/faq.md', line 6: unknown problem type 'x'.", "docs/it/faq.md", 6, "unknown problem type 'x'."),
    ("Error in 'support.yml', line 12, channels[2].hours: '25:00' is not a time", "support.yml", 12, "channels[2].hours: '25:00' is not a time"),
    ("Doc file 'faq.md' contains a link 'x.md', but the target is not found among documentation files.", "faq.md", None,
     "Doc file 'faq.md' contains a link 'x.md', but the target is not found among documentation files."),
    ('ConfigurationError: while parsing\n  in "mkdocs.yml", line 6, column 12', "mkdocs.yml", 6, 'ConfigurationError: while parsing\n  in "mkdocs.yml", line 6, column 12'),
    ("Aborted with 2 errors in strict mode!", None, None, "Aborted with 2 errors in strict mode!"),
])
def test_a_log_line_names_its_file_and_line(message, file, line, text):
    error = preview_error("ERROR", message)
    assert (error.file, error.line, error.message) == (file, line, text)


@pytest.mark.parametrize(("path", "page"), [
    ("/", True), ("/hy/faq/", True), ("/404.html", True), ("/no-such-page", True),
    ("/assets/stylesheets/helpcenter.css", False), ("/search/search_index.json", False), ("/livereload/123/456", False),
])
def test_only_pages_get_the_errors_page(path, page):
    assert is_page_request(path) is page
