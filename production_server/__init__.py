"""Serve a built help center on 127.0.0.1 the way Netlify serves it.

Headers and redirects come from netlify.toml and the build's _headers file,
read and applied as Netlify does (language conditions, shadowing, 404 rules),
so the tests and staff see what production will send.
"""
