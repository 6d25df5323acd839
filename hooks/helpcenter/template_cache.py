"""Compiled templates shared by the language builds of one `mkdocs build`.

mkdocs-static-i18n builds every language with a fresh theme, so Jinja compiles
Material's templates and ours once per language: about a sixth of a plain
build's CPU here, repeated four times for the same result. A template's
compiled code does not depend on the language (strings and data are looked up
when a page renders), so the first language's compilation serves the others.
Jinja's bytecode cache compares each template's source checksum before using
a stored copy, so an edited template is compiled again (`mkdocs serve`).
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory, for the life of the process."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


_caches: dict[tuple, SharedBytecodeCache] = {}


def _compile_settings(env: Environment) -> tuple:
    """What changes the code Jinja compiles from a template's source, besides the source."""
    return (
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
        env.autoescape if isinstance(env.autoescape, bool) else id(env.autoescape), env.is_async,
        tuple(sorted(env.extensions)),
    )


def share_compiled_templates(env: Environment) -> Environment:
    """Give `env` the cache of every environment configured like it (all the language builds)."""
    env.bytecode_cache = _caches.setdefault(_compile_settings(env), SharedBytecodeCache())
    return env
