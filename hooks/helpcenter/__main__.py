"""`python -m helpcenter` (with PYTHONPATH=hooks): the authoring commands, see cli.py."""

from helpcenter.cli import main

raise SystemExit(main())
