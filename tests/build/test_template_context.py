"""What our hook gives templates: article URLs relative to each page, UI strings."""

from __future__ import annotations


def test_templates_get_article_urls_relative_to_the_page(project):
    project.replace("overrides/main.html", "{% block extrahead %}\n  {{ super() }}",
                    "{% block extrahead %}\n  {{ super() }}\n"
                    "  {% if article_urls is defined %}\n"  # the 404 page has no page context
                    '  <meta name="test:payments" content="{{ article_urls[\'payments\'] }}">\n'
                    '  <meta name="test:has-faq" content="{{ \'faq\' in article_urls }}">\n'
                    '  <meta name="test:has-nothing" content="{{ \'no-such-article\' in article_urls }}">\n'
                    '  <meta name="test:count" content="{{ article_urls | length }}">\n'
                    "  {% endif %}")
    result = project.build()
    assert result.returncode == 0, result.output
    for path, expected in [("", "payments/"), ("en/account-security/", "../payments/"), ("ru/payments/", "./")]:
        page = result.page(path)
        assert page.find("meta", attrs={"name": "test:payments"})["content"] == expected, path
        assert page.find("meta", attrs={"name": "test:has-faq"})["content"] == "True"
        assert page.find("meta", attrs={"name": "test:has-nothing"})["content"] == "False"
        assert page.find("meta", attrs={"name": "test:count"})["content"] == "12"
