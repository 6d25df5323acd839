"""`python -m helpcenter` (with PYTHONPATH=hooks): the authoring commands, see cli.py."""

import sys

try:
    from helpcenter.cli import main
except ModuleNotFoundError as missing:  # a Python without the project's packages (the system's, usually)
    print(f"error: this Python ({sys.executable}) does not have the help center's packages (no module '{missing.name}'). "
          f"Use the project's environment: run the `make` commands (e.g. `make status`), which set it up the first time, "
          f"or call `.venv/bin/python -m helpcenter ...`.", file=sys.stderr)
    raise SystemExit(2) from None

raise SystemExit(main())
