"""python -m production_server [SITE] [--config netlify.toml] [--port 8000]

Serve a built site on http://127.0.0.1:PORT/ with Netlify's headers and
redirects, read from netlify.toml and the site's _headers. Try it:
  curl -sI -H 'Accept-Language: ru' http://127.0.0.1:8000/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .netlify_config import ConfigError, load_netlify_toml
from .server import HOST, make_server

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m production_server", description=__doc__.split("\n\n")[1])
    parser.add_argument("site", nargs="?", help="the built site (default: netlify.toml's publish folder)")
    parser.add_argument("--config", default=str(ROOT / "netlify.toml"), help="netlify.toml to apply (default: %(default)s)")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: %(default)s; 0 picks a free one)")
    parser.add_argument("--country", help="country code to match `Country` conditions, e.g. AZ")
    parser.add_argument("--forms-db", help="SQLite file for form posts (default: form-submissions.sqlite beside the site folder)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args(argv)
    config = Path(args.config)
    try:
        site = Path(args.site or config.parent / (load_netlify_toml(config).publish or "site"))
        if not (site / "index.html").is_file():
            print(f"No built site in {site}: run `make build` first.", file=sys.stderr)
            return 2
        server = make_server(site, config, args.port, args.country, args.quiet, args.forms_db)
    except (ConfigError, OSError) as error:
        print(f"Cannot serve: {error}", file=sys.stderr)
        return 2
    print(f"Serving {site} as Netlify would on http://{HOST}:{server.server_address[1]}/ (Ctrl+C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
