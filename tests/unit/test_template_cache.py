"""Compiled templates shared between the language builds' Jinja environments."""

from __future__ import annotations

from jinja2 import DictLoader, Environment

from helpcenter.template_cache import share_compiled_templates


class CountingEnvironment(Environment):
    compiled: list[str]

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        self.compiled.append(name)
        return super().compile(source, name, filename, raw, defer_init)


def environment(templates: dict[str, str], **settings) -> CountingEnvironment:
    env = CountingEnvironment(loader=DictLoader(templates), auto_reload=False, **settings)
    env.compiled = []
    return share_compiled_templates(env)


def test_a_second_environment_configured_alike_compiles_nothing():
    templates = {"page.html": "{% include 'part.html' %} {{ greeting }}", "part.html": "[{{ lang }}]"}
    first, second = environment(dict(templates)), environment(dict(templates))
    assert first.get_template("page.html").render(greeting="Salam", lang="az") == "[az] Salam"
    assert sorted(first.compiled) == ["page.html", "part.html"]
    # The next language: same templates, other values, no compilation.
    assert second.get_template("page.html").render(greeting="Привет", lang="ru") == "[ru] Привет"
    assert second.compiled == []


def test_an_edited_template_is_compiled_again():
    environment({"edited.html": "old {{ x }}"}).get_template("edited.html")
    after = environment({"edited.html": "new {{ x }}"})
    assert after.get_template("edited.html").render(x=1) == "new 1"
    assert after.compiled == ["edited.html"]


def test_environments_that_compile_differently_do_not_share():
    source = {"block.html": "{% if true %}\nyes\n{% endif %}"}
    plain = environment(dict(source))
    trimmed = environment(dict(source), trim_blocks=True)
    assert plain.get_template("block.html").render() == "\nyes\n"
    assert trimmed.get_template("block.html").render() == "yes\n"
    assert trimmed.compiled == ["block.html"]
