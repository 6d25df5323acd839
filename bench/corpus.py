"""Synthetic help centers for benchmarks: N articles × 4 languages.

Text is recombined from the real demo articles of each language (so vocabulary,
inflection and letters are realistic), with headings, a table, links between
articles, front matter with ids and problem types, and a few translations left
out on purpose. Besides the articles, every language has the demo's home and
contact pages. The navigation is shaped like a real help center's: the demo's
categories (fixed, as navigation tabs), each holding sections of at most
PER_GROUP articles, so a bigger help center has more sections, not more tabs.
`plain=True` writes the same content for stock Material + mkdocs-static-i18n
with none of our hooks, overrides or placeholders.

The project files copied for our variant are those the tests copy
(`tests.helpers.PROJECT_FILES`), so a file a feature adds is built here too.

    python bench/corpus.py OUT_DIR --articles 250 [--plain]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from pathlib import Path

import mergedeep
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from tests.helpers import PROJECT_FILES  # noqa: E402  (one list of what a build needs)

LANGUAGES = ("az", "en", "ru", "tr")
PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}")
PER_GROUP = 25
TABLE_HEAD = {
    "az": ("Addım", "Nə etməli"), "en": ("Step", "What to do"),
    "ru": ("Шаг", "Что сделать"), "tr": ("Adım", "Ne yapmalı"),
}
SEE_ALSO = {"az": "Bunlara da baxın", "en": "See also", "ru": "См. также", "tr": "Ayrıca bakın"}
GROUP = {"az": "Mövzu", "en": "Topic", "ru": "Тема", "tr": "Konu"}


def _split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---", 2)
    return yaml.safe_load(front), body


def _source_articles(language: str) -> list[dict]:
    articles = []
    for path in sorted((REPO / "docs" / language).glob("*.md")):
        meta, body = _split(path.read_text(encoding="utf-8"))
        if meta["id"] in ("home", "contact"):
            continue
        headings = re.findall(r"(?m)^##+ (.+)$", body)
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body)
                      if p.strip() and not p.lstrip().startswith(("#", "{{", "|", "!!!", "    "))]
        articles.append({"meta": meta, "headings": headings, "paragraphs": paragraphs})
    return articles


def _missing(index: int, language: str) -> bool:
    """A few translations are missing, as in real help centers."""
    return (language == "tr" and index % 17 == 5) or (language == "ru" and index % 23 == 7)


def _article(index: int, total: int, language: str, sources: list[dict], plain: bool) -> str:
    rng = random.Random(f"{index}-{language}")
    base = sources[index % len(sources)]
    meta = base["meta"]
    front = {
        "id": f"article-{index:04d}",
        "title": f"{meta['title']} ({index})",
        "description": meta["description"],
        "last_reviewed": meta["last_reviewed"],
    }
    if meta.get("problems"):
        front["problems"] = meta["problems"]
    parts = []
    pool = [p for s in sources for p in s["paragraphs"]]
    headings = [h for s in sources for h in s["headings"]]
    for section in range(rng.randint(3, 5)):
        parts.append(f"## {rng.choice(headings)} {index}.{section + 1}")
        parts.extend(rng.sample(pool, k=min(len(pool), rng.randint(2, 4))))
    head = TABLE_HEAD[language]
    rows = "\n".join(f"| {n} | {PLACEHOLDER.sub('', rng.choice(pool)).split('.')[0][:90].replace('|', ' ')} |" for n in range(1, 4))
    parts.append(f"| {head[0]} | {head[1]} |\n|---|---|\n{rows}")
    others = [i for i in rng.sample(range(total), k=min(total, 4)) if i != index and not any(_missing(i, lang) for lang in LANGUAGES)][:3]
    if others:
        parts.append(f"## {SEE_ALSO[language]}\n\n" + "\n".join(f"- [{SEE_ALSO[language]} {i}](article-{i:04d}.md)" for i in others))
    body = "\n\n".join(parts)
    # Links to the demo's own articles do not exist in a generated site.
    body = re.sub(r"\[([^\]]+)\]\((?!article-)[^)]+\)", r"\1", body)
    if plain:
        body = PLACEHOLDER.sub("24/7", body)
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"


def _page(name: str, language: str, plain: bool) -> str:
    """A demo page (home, contact) with links to demo articles made plain text."""
    meta, body = _split((REPO / "docs" / language / name).read_text(encoding="utf-8"))
    body = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", body)
    if plain:
        body = PLACEHOLDER.sub("24/7", body)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def generate(dest: Path, articles: int, plain: bool = False) -> Path:
    """Write a buildable project with `articles` articles per language into `dest`."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    config = _demo_config()
    if not plain:
        for name in PROJECT_FILES:
            if name in ("docs", "mkdocs.yml"):
                continue
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
            elif source.exists():
                shutil.copy2(source, dest / name)
        # Problem types point at demo articles; point them at generated ones.
        data = (dest / "support.yml").read_text(encoding="utf-8")
        data = re.sub(r"(?m)^(\s+article: )\S+$", r"\1article-0000", data)
        data = re.sub(r"value: faq}", "value: article-0001}", data)
        data = re.sub(r"(?m)^articles: \{.*\}$", "articles: {documents: article-0002, escalation: article-0003}", data)
        (dest / "support.yml").write_text(data, encoding="utf-8")
        # The home's most asked questions: the demo takes them from its FAQ, which the corpus has not.
        config["extra"]["helpcenter"]["home_questions"] = [f"article-{i:04d}" for i in range(min(6, articles))]
    else:
        for key in ("hooks", "extra_css", "extra_javascript", "watch"):
            config.pop(key, None)
        config["theme"].pop("custom_dir", None)
        config["theme"].pop("static_templates", None)  # ours live in overrides/ (robots.txt)
        config["theme"].pop("favicon", None)
        config["extra"].pop("helpcenter", None)
    sources = {lang: _source_articles(lang) for lang in LANGUAGES}
    for language in LANGUAGES:
        folder = dest / "docs" / language
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(_page("index.md", language, plain), encoding="utf-8")
        (folder / "contact.md").write_text(_page("contact.md", language, plain), encoding="utf-8")
        for index in range(articles):
            if language != LANGUAGES[0] and _missing(index, language):
                continue
            (folder / f"article-{index:04d}.md").write_text(_article(index, articles, language, sources[language], plain), encoding="utf-8")
    config["nav"] = _nav(config["nav"], articles)
    i18n = config["plugins"]["i18n"]
    sections = [f"{GROUP['az']} {g + 1}" for g in range((articles + PER_GROUP - 1) // PER_GROUP)]
    for language_config in i18n["languages"]:
        if language_config["locale"] != LANGUAGES[0]:
            translations = language_config.setdefault("nav_translations", {})
            translations.update({section: section.replace(GROUP["az"], GROUP[language_config["locale"]]) for section in sections})
    (dest / "mkdocs.yml").write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def _nav(demo_nav: list, articles: int) -> list:
    """The demo's categories, each with sections of at most PER_GROUP articles.

    Sections go to the categories in turn; the contact page opens the first
    category, as in the demo.
    """
    categories = [next(iter(item)) for item in demo_nav if isinstance(item, dict)]
    content: dict[str, list] = {category: [] for category in categories}
    content[categories[0]].append("contact.md")
    for g in range((articles + PER_GROUP - 1) // PER_GROUP):
        section = f"{GROUP['az']} {g + 1}"
        pages = [f"article-{i:04d}.md" for i in range(g * PER_GROUP, min(articles, (g + 1) * PER_GROUP))]
        content[categories[g % len(categories)]].append({section: pages})
    return ["index.md"] + [{category: items} for category, items in content.items() if items]


def _demo_config() -> dict:
    """The demo's mkdocs.yml merged over the generator's base it INHERITs, as MkDocs merges them: one file to write."""
    team = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    base = yaml.load((REPO / team.pop("INHERIT")).read_text(encoding="utf-8"), Loader=_Loader)
    return mergedeep.merge(base, team)


class _Loader(yaml.SafeLoader):
    """Keeps the `!!python/object/apply` slugify tag as text to write it back."""


class _Tagged(str):
    pass


def _construct_tagged(loader: yaml.Loader, suffix: str, node: yaml.Node) -> _Tagged:
    value = _Tagged(suffix)
    value.node = node  # type: ignore[attr-defined]
    return value


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Tagged, lambda dumper, value: value.node)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--articles", type=int, default=250)
    parser.add_argument("--plain", action="store_true", help="stock Material + i18n, none of our hooks")
    args = parser.parse_args()
    print(generate(args.dest, args.articles, args.plain))


if __name__ == "__main__":
    main()
