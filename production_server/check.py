"""python -m production_server.check URL [--site site] [--config netlify.toml]

Ask a deployed help center (a Netlify preview or production URL, or this
package's own server) whether it serves what netlify.toml and the build's
_headers say: the language redirects of "/", no redirect without a language or
with an explicit choice, the headers of a page and of an asset, a localized 404.
CI runs it right after each deploy. Exit status 1 lists what differs.
"""

from __future__ import annotations

import argparse
import http.client
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from .netlify_config import load_headers_file, load_netlify_toml, site_redirects
from .routing import combined_headers, headers_for, redirect_pattern

ROOT = Path(__file__).resolve().parents[1]


def fetch(base: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """GET without following redirects; header names lower-cased."""
    url = urlsplit(base)
    connection_class = http.client.HTTPSConnection if url.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(url.netloc, timeout=30)
    try:
        connection.request("GET", path, headers={"User-Agent": "helpcenter-deploy-check", **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def check(base: str, site: Path, config_path: Path) -> list[str]:
    config = load_netlify_toml(config_path)
    redirects = site_redirects(site, config)
    rules = load_headers_file(site / "_headers") + config.headers
    problems: list[str] = []
    # The language served at "/": the rule that keeps "/" for a browser asking for it (site/_redirects).
    default = next((r.conditions["Language"][0] for r in redirects
                    if r.source == "/" and r.status == 200 and r.conditions.get("Language")), None)
    others = [r.conditions["Language"][0] for r in redirects if r.source == "/" and r.status in (301, 302, 303, 307, 308)
              and r.conditions.get("Language")]
    if default is None:
        problems.append("no rule serves the default language at / (site/_redirects is missing: was the site built?)")
        default = "en"

    status, _, _ = fetch(base, "/")
    if status != 200:
        problems.append(f"GET / without Accept-Language: {status}, expected 200 (crawlers send no language)")

    asked = ",".join([f"{default};q=1"] + [f"{code};q=0.{max(1, 9 - i)}" for i, code in enumerate(others)])
    status, _, _ = fetch(base, "/", {"Accept-Language": asked})
    if status != 200:
        problems.append(f"GET / with the default language '{default}' first (then the others): {status}, expected 200")

    for rule in redirects:
        languages = rule.conditions.get("Language", ())
        if not languages or not redirect_pattern(rule.source).match("/") or rule.status not in (301, 302, 303, 307, 308):
            continue
        status, headers, _ = fetch(base, "/", {"Accept-Language": languages[0]})
        where = urlsplit(urljoin(base + "/", headers.get("location", ""))).path
        if status != rule.status or where != rule.to:
            problems.append(f"GET / with Accept-Language {languages[0]}: {status} to {where or '-'}, expected {rule.status} to {rule.to}")
        status, _, _ = fetch(base, "/", {"Accept-Language": languages[0], "Cookie": f"nf_lang={default}"})
        if status != 200:
            problems.append(f"GET / with Accept-Language {languages[0]} after choosing {default} (nf_lang={default}): {status}, expected 200")

    paths = ["/", "/sitemap.xml"] + _fingerprinted(site, rules)
    for path in paths:
        status, headers, _ = fetch(base, path)
        for name, value in combined_headers(headers_for(rules, path)).items():
            served = headers.get(name.lower())
            if served != value:
                problems.append(f"GET {path}: {name} is {served!r}, expected {value!r}")

    for rule in redirects:
        if rule.status == 404 and rule.source.endswith("/*") and rule.source != "/*":
            prefix = rule.source[:-1]
            status, _, body = fetch(base, prefix + "no-such-page-deploy-check/")
            language = prefix.strip("/")
            if status != 404 or f'lang="{language}"'.encode() not in body:
                problems.append(f"GET {prefix}no-such-page-deploy-check/: {status}, expected 404 with the {language} not-found page")
    return problems


def _fingerprinted(site: Path, rules) -> list[str]:
    """Built files a rule gives a year-long Cache-Control (Material's hashed assets)."""
    found = []
    for file in sorted(site.rglob("*")):
        path = "/" + file.relative_to(site).as_posix()
        if file.is_file() and "immutable" in combined_headers(headers_for(rules, path)).get("Cache-Control", ""):
            found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m production_server.check", description=__doc__.split("\n\n")[1])
    parser.add_argument("url", help="base URL of the deploy, e.g. https://pr-12--helpcenter.netlify.app")
    parser.add_argument("--site", default=str(ROOT / "site"), help="the build that was deployed (for _headers; default: %(default)s)")
    parser.add_argument("--config", default=str(ROOT / "netlify.toml"), help="default: %(default)s")
    args = parser.parse_args(argv)
    problems = check(args.url.rstrip("/"), Path(args.site), Path(args.config))
    for problem in problems:
        print(f"DIFFERS {problem}")
    print(f"{args.url}: {'serves what netlify.toml and _headers say' if not problems else f'{len(problems)} difference(s)'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
