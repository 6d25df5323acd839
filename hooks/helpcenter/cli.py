"""Authoring commands for support staff: `python -m helpcenter <command> --help`.

Run from the help center's folder with PYTHONPATH=hooks, or through make
(`make status`, `make new-article ...`): see the README, "For support staff".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .add_language import LanguageError, add_language
from .articles import scan_articles
from .authoring import AuthoringError, Outcome, mark_current, new_article, translate
from .build_date import today
from .default_language import set_default_language
from .left_to_write import left_to_write
from .project import ProjectConfig, ProjectError, load_project
from .theme_languages import GENERATOR_DEFAULTS
from .translation_status import DIVERGED, ERROR, MISSING, STATES, Report, build_report

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED = 0, 1, 2


def _new_site(args: argparse.Namespace) -> int:
    from .new_site import NewSiteError, new_site

    try:
        made = new_site(args.dir, args.brand, args.languages, args.timezone, on=args.today)
    except NewSiteError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"Made a help center in {made.root} ({', '.join(made.languages)}; {made.languages[0]} is the default, served at /).")
    if made.english:
        print(f"Starting texts in English, to translate: {', '.join(made.english)} (support.yml, the pages, and the navigation titles "
              "in mkdocs.yml); interface texts for these languages are listed, commented out, in ui-strings.yml.")
    print(f"Next: cd {made.root} && make build (or make serve); make status lists what is left to write.")
    return EXIT_OK


def _upgrade(args: argparse.Namespace) -> int:
    from .upgrade import UpgradeError, upgrade

    root = Path(args.config).resolve().parent
    try:
        changes = upgrade(root, args.source)
    except UpgradeError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_REFUSED
    for label, paths in (("added", changes.added), ("updated", changes.updated), ("removed", changes.removed)):
        for path in paths:
            print(f"{label:8} {path}")
    for path in changes.kept:
        print(f"kept     {path}   (yours here, though the new generator has one: compare them by hand)")
    if not (changes.added or changes.updated or changes.removed):
        print("Already up to date: no generator file differs.")
    print("Your content, data and configuration were not touched. Next: make build, then make test.")
    return EXIT_OK


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _id_list(text: str) -> list[str]:
    return [part.strip() for part in text.replace(" ", ",").split(",") if part.strip()]


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m helpcenter",
        description="Authoring commands for the help center: report translations and reviews, create articles, "
                    "start and check translations, prepare a new language, publish safely.",
        epilog="Every command checks its arguments first, writes nothing when a check fails, and never overwrites a file.",
    )
    top.add_argument("--config", default="mkdocs.yml", help="the site's mkdocs.yml (default: ./mkdocs.yml)")
    top.add_argument("--today", type=_date, help="report as of this date, YYYY-MM-DD (default: today, or $HELPCENTER_TODAY)")
    commands = top.add_subparsers(dest="command", required=True, metavar="command")

    status = commands.add_parser("status", help="table of every article x language: state, last review, age, review due",
                                 description="Show, for every article and language, whether the translation is current, outdated or missing "
                                             "(shown in the default language), when it was last reviewed and when the next review is due.")
    status.add_argument("--json", action="store_true", help="print the report as JSON (the same as translation-status.json in the built site)")
    status.add_argument("--language", "-l", action="append", help="only this language (repeatable)")
    status.add_argument("--state", choices=(*STATES, "overdue"), action="append", help="only pages in this state (repeatable)")
    status.add_argument("--check", action="store_true", help="exit with status 1 when anything is outdated, diverged, missing or overdue (for CI)")

    new = commands.add_parser("new-article", help="create an article in every language with its front matter",
                              description="Create docs/<language>/<id>.md in every language. The original (default language) gets your title "
                                          "and description; each translation starts as the same skeleton and records the original's source_hash.")
    new.add_argument("id", help="the article id and file name: lower-case Latin letters, digits, hyphens (e.g. deposit-limits)")
    new.add_argument("--title", required=True, help="the title, in the default language")
    new.add_argument("--description", required=True, help="one sentence for search results and link previews, in the default language")
    new.add_argument("--problems", type=_id_list, default=[], help="problem types from support.yml, comma-separated (e.g. withdrawal,deposit)")
    new.add_argument("--group", help="add the article to this navigation group of mkdocs.yml (its title in the default language)")

    start = commands.add_parser("translate", help="start a translation: copy the original into a language folder",
                                description="Copy the original of an article into docs/<language>/ to be translated. The copy has no "
                                            "source_hash: it is listed as outdated until you translate it and run mark-current.")
    start.add_argument("id", help="the article's id")
    start.add_argument("language", help="the language to translate into (e.g. en)")

    mark = commands.add_parser("mark-current", help="record that a translation matches the current original",
                               description="After you checked a translation against the original, record the original's current source_hash "
                                           "in it (and today's date as last_reviewed). Refuses a file that still has the original's text, "
                                           "a different id, or a different structure (headings, lists, tables, placeholders, links).")
    mark.add_argument("id", help="the article's id")
    mark.add_argument("languages", nargs="*", help="the translations to mark (default: every existing translation of the article)")
    mark.add_argument("--keep-date", action="store_true", help="leave last_reviewed as it is")

    default = commands.add_parser("set-default-language", help="make another site language the original (served at /)",
                                  description="Move `default: true`, theme.language and the navigation titles in mkdocs.yml to CODE, "
                                              "make CODE's articles the originals and keep every current translation current "
                                              "(the former originals included). Refused, writing nothing, when CODE lacks an article "
                                              "or a navigation title.")
    default.add_argument("code", help="a site language (e.g. en)")

    lang = commands.add_parser("add-language", help="prepare a new site language and list what must still be written",
                               description="Create docs/<code>/, print the entry to paste into mkdocs.yml and every text that support.yml "
                                           "and ui-strings.yml still need in the new language. It does not edit mkdocs.yml and translates nothing.")
    lang.add_argument("code", help="ISO 639-1 language code, e.g. de, uk, pt-BR")
    lang.add_argument("--name", help="the language's name in itself (default: from the code, e.g. Deutsch)")

    site = commands.add_parser("new-site", help="make a new help center in DIR: the generator's files and your own, ready to build",
                               description="Write a complete help center into DIR (new or empty): the generator's files (generator/files.txt) "
                                           "and the team's own: mkdocs.yml, support.yml with a chat, email, phone and FAQ channel, a home, "
                                           "contact and FAQ page per language, ui-strings.yml, synonyms.yml, glossary.yml. "
                                           "`make build` in DIR then passes; `make status` lists what is left to write.")
    site.add_argument("dir", type=Path, help="the new help center's folder (must not exist, or be empty)")
    site.add_argument("--brand", required=True, help="the platform's name, shown on every page")
    site.add_argument("--languages", required=True, help="language codes, comma-separated, the default first (e.g. tr,en,kk)")
    site.add_argument("--timezone", required=True, help="the support service's IANA time zone (e.g. Europe/Istanbul)")

    up = commands.add_parser("upgrade", help="replace this help center's generator files with a newer generator's",
                             description="Copy the files a newer generator lists in its generator/files.txt over this help center's, "
                                         "and delete the generator files it no longer has. Your content, data and configuration "
                                         "(everything not listed) are never written. Prints what changed.")
    up.add_argument("source", metavar="FROM", help="the newer generator: a checkout folder, or a git URL or repository path")

    report = commands.add_parser("feedback", help="what players said: article votes, searches without results, problem types chosen",
                                 description="Summarise the help center's two Netlify forms (article-feedback, search-signals) from CSV exports "
                                             "(Netlify: Site > Forms > the form > Download as CSV) or from the form-submissions.sqlite "
                                             "that `make preview` writes.")
    report.add_argument("sources", nargs="*", type=Path,
                        help="CSV exports and/or SQLite files (default: form-submissions.sqlite beside mkdocs.yml)")
    report.add_argument("--json", action="store_true", help="print the report as JSON")
    report.add_argument("--top", type=int, default=10, help="queries and problem types listed per language (default: %(default)s)")

    publish = commands.add_parser("publish", help="build into a fresh folder, test that build, then swap it into place",
                                  description="Build the site strictly into a new folder beside the target, run the checks against that build, "
                                              "and only if both succeed replace the target folder in one rename. A failed build or test leaves "
                                              "the published folder untouched.")
    publish.add_argument("--site-dir", default="site", help="the folder to publish into (default: site)")
    publish.add_argument("--check-command", default=None,
                         help="command run against the new build, which it finds in $HELPCENTER_SITE_DIR (default: "
                              "$HELPCENTER_CHECK_COMMAND, else the test suite, `python -m pytest -q`)")
    for command in commands.choices.values():  # `status --today ...` as well as `--today ... status`
        command.add_argument("--today", type=_date, default=argparse.SUPPRESS, help="as the option before the command")
        command.add_argument("--config", default=argparse.SUPPRESS, help="as the option before the command")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "feedback":
        return _feedback(args)
    if args.command == "new-site":
        return _new_site(args)
    if args.command == "upgrade":
        return _upgrade(args)
    if args.command == "publish":
        from .publish import publish_command

        return publish_command(Path(args.config), Path(args.site_dir), args.check_command)
    try:
        project = load_project(args.config)
        on = args.today or today()
    except (ProjectError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        if args.command == "status":
            return _status(project, on, args)
        if args.command == "new-article":
            return _show(new_article(project, args.id, args.title, args.description, args.problems, on, args.group), project)
        if args.command == "translate":
            return _show(translate(project, args.id, args.language, on), project)
        if args.command == "mark-current":
            return _mark(project, args, on)
        if args.command == "add-language":
            return _add_language(project, args)
        if args.command == "set-default-language":
            return _show(set_default_language(project, args.code), project)
    except (AuthoringError, LanguageError) as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_REFUSED
    raise AssertionError(args.command)


def _feedback(args: argparse.Namespace) -> int:
    from .feedback_report import ReportError, build_report, format_report, read_source

    sources = args.sources or [Path(args.config).resolve().parent / "form-submissions.sqlite"]
    try:
        submissions = [s for source in sources for s in read_source(source)]
    except ReportError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_REFUSED
    report = build_report(submissions, top=args.top)
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else format_report(report))
    return EXIT_OK


def _show(outcome: Outcome, project: ProjectConfig) -> int:
    for path in outcome.written:
        print(f"wrote {path.relative_to(project.root).as_posix()}")
    if outcome.notes:
        print("\nNext:")
        for number, note in enumerate(outcome.notes, start=1):
            print(f"  {number}. {note}")
    return EXIT_OK


def _mark(project: ProjectConfig, args: argparse.Namespace, on: date) -> int:
    marked, _ = mark_current(project, args.id, list(args.languages), on, args.keep_date)
    for item in marked:
        if item.changed:
            print(f"{item.file}: marked current (source_hash {item.previous or 'none'} -> {item.recorded}"
                  f"{'' if args.keep_date else f', last_reviewed {on.isoformat()}'})")
        else:
            print(f"{item.file}: already current (source_hash {item.recorded}); nothing to do")
    return EXIT_OK


def _add_language(project: ProjectConfig, args: argparse.Namespace) -> int:
    plan = add_language(project, args.code, args.name)
    rel = lambda path: path.relative_to(project.root).as_posix()  # noqa: E731
    folder = f"{project.docs_dir.name}/{plan.code}/"
    if plan.created:
        print(f"created {folder} (empty: until an article is translated, the site shows the {project.default} original with a note)")
    else:
        print(f"{folder} exists already: here is what '{plan.code}' still needs.")
    if plan.theme_file and plan.theme_missing and not plan.configured:
        print(f"created {rel(plan.theme_file)} (the theme's interface texts, to be written)")
    print()
    if plan.configured:
        print(f"1. {project.config_file.name}: '{plan.code}' is a site language." + (
            "" if not plan.missing_nav else f" Its entry still needs {len(plan.missing_nav)} navigation title(s) under `nav_translations:`:"))
        for group in plan.missing_nav:
            print(f"   - {group}: ...")
    else:
        print(f"1. Paste this under `plugins: i18n: languages:` in {project.config_file.name} when the texts below are written "
              f"(translate the navigation titles after the colons):\n")
        print(plan.snippet)
    print(f"\n2. {len(plan.missing_texts)} text(s) still missing in {project.support_file.name} and {project.strings_file.name}:"
          if plan.missing_texts else f"\n2. {project.support_file.name} and {project.strings_file.name}: every text is written.")
    for text in plan.missing_texts:
        print(f"   - {text}")
    if plan.theme_translated:
        print(f"\n3. Theme (search box, menus): Material translates '{plan.code}'; nothing to write.")
    elif plan.theme_missing:
        print(f"\n3. Theme (search box, menus): Material does not translate '{plan.code}'. {len(plan.theme_missing)} text(s) to write in "
              f"{rel(plan.theme_file)} (until then they show in English; the build does not fail): {', '.join(plan.theme_missing)}")
    else:
        source = (f"the generator's defaults for '{plan.code}', overridden key by key by {rel(plan.theme_file)}"
                  if (GENERATOR_DEFAULTS / f"{plan.code}.yml").is_file() else f"in {rel(plan.theme_file)}")
        print(f"\n3. Theme (search box, menus): every text is written ({source}).")
    if plan.search_rules:
        print("4. Search: search_rules.json has rules of its own for this language (stop words, stemming); nothing to write.")
    else:
        print("4. Search: none needed, generic rules apply (words of any script, case and accents folded; stop words and "
              "stemming are optional, in hooks/helpcenter/search_rules.json).")
    print("5. Language redirects (site/_redirects for Netlify and `make preview`): none needed, written by the build.")
    print("\nThis command translates nothing and does not edit mkdocs.yml: paste the entry yourself once the texts exist, "
          "so no build runs with half a language. Run it again to see what is still missing. See the README, 'Add a language'.")
    return EXIT_OK


def _status(project: ProjectConfig, on: date, args: argparse.Namespace) -> int:
    if args.language:
        by_case = {code.casefold(): code for code in project.languages}
        unknown = [code for code in args.language if code.casefold() not in by_case]
        if unknown:
            print(f"error: {', '.join(repr(c) for c in unknown)} is not a site language. Languages: {', '.join(project.languages)}.", file=sys.stderr)
            return EXIT_REFUSED
        args.language = [by_case[code.casefold()] for code in args.language]
    articles = scan_articles(project.root, project.docs_dir, project.languages)
    report = build_report(articles, project.policy, on)
    pages = [p for p in report.pages
             if (not args.language or p.language in args.language)
             and (not args.state or p.state in args.state or ("overdue" in args.state and p.overdue and p.state != MISSING))]
    if args.json:
        data = report.as_json()
        data["pages"] = [p.as_json() for p in pages]
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(_table(report, pages))
        left = left_to_write(project)
        if left:
            print(f"\nStill in English ({len(left)}):")
            for line in left:
                print(f"  {line}")
    errors = [*articles.read_errors, *(f for f in report.findings if f.level == ERROR)]  # unreadable files first: the others may follow from them
    for finding in errors:
        print(f"error: {finding}", file=sys.stderr)
    counts = report.counts()
    if errors:
        return EXIT_PROBLEMS
    if args.check and (counts["outdated"] or counts["diverged"] or counts["missing"] or counts["overdue"]):
        return EXIT_PROBLEMS
    return EXIT_OK


def _table(report: Report, pages: list) -> str:
    header = ("ARTICLE", "LANG", "STATE", "REVIEWED", "AGE", "REVIEW DUE", "FILE SHOWN")
    rows = [header]
    for page in pages:
        due = page.review_due.isoformat() if page.review_due else "-"
        if page.overdue and page.state != MISSING:
            due += " OVERDUE"
        rows.append((page.article, page.language, page.state,
                     page.last_reviewed.isoformat() if page.last_reviewed else "-",
                     f"{page.age_days}d" if page.age_days is not None else "-", due, page.file or "-"))
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    counts = report.counts()
    lines.append("")
    lines.append(f"{len(pages)} page(s) listed. Whole site: {counts['original']} originals, {counts['current']} current, "
                 f"{counts['outdated']} outdated, {counts['diverged']} diverged, {counts['missing']} missing translations; {counts['overdue']} review(s) overdue "
                 f"(policy: every {report.policy.review_days} days; as of {report.today.isoformat()}).")
    if counts["outdated"]:
        lines.append("Outdated: update the translation, then `make mark-current ID=<id> IN=<language>`.")
    diverged = [page for page in pages if page.state == DIVERGED]
    if diverged:
        lines.append("Diverged: marked current, but not the same structure as the original; players see the outdated note. Make them match, "
                     "then `make mark-current ID=<id> IN=<language>`:")
        for page in diverged:
            lines.append(f"  {page.file}:")
            lines += [f"    - {difference}" for difference in page.differences]
    if counts["missing"]:
        lines.append("Missing: players see the original with a note; start one with `make translate ID=<id> IN=<language>`.")
    return "\n".join(lines)
