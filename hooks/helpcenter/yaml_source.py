"""Load YAML and remember the line of every value, so errors can name it."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]


class SourceError(Exception):
    """A user's mistake in a source file: file, line and what to do."""

    def __init__(self, file: str, line: int | None, message: str) -> None:
        self.file, self.line, self.message = file, line, message
        where = f"'{file}', line {line}" if line else f"'{file}'"
        super().__init__(f"Error in {where}: {message}")


@dataclass(frozen=True)
class LoadedYaml:
    data: Any
    lines: dict[Path, int]  # path of a value -> 1-based line where it starts

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return 1  # an empty file: its errors are about line 1
            path = path[:-1]


def format_path(path: Path) -> str:
    """('channels', 2, 'hours') -> 'channels[2].hours'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def decode_source(raw: bytes, file: str) -> str:
    """The text of a file the team edits, which must be UTF-8 (a leading BOM is dropped, CRLF and CR read as LF).

    Any other encoding (an editor's "Windows-1254", "ISO-8859-9") is a SourceError naming the line
    of the first byte that is not UTF-8, instead of a UnicodeDecodeError traceback.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise SourceError(file, line, f"the file is not saved as UTF-8 (byte 0x{raw[e.start]:02X} on this line). "
                                      f"Save it again with the encoding UTF-8 (in most editors: File > Save with encoding).") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as Python's universal newlines


def read_source(path: str | os.PathLike, file: str) -> str:
    """Read `path` as `decode_source` does; `file` is the name errors give."""
    with open(path, "rb") as handle:
        return decode_source(handle.read(), file)


# libyaml's parser when PyYAML has it (about 10x faster: the build parses the
# front matter of every article in every language); the same safe constructor.
_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, loader_class: type) -> tuple[yaml.Node | None, Any]:
    """Compose the node tree once and build the data from it (one parse, not two)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def load_yaml(text: str, file: str, first_line: int = 1) -> LoadedYaml:
    """Parse `text` with safe YAML; a syntax error or a key given twice becomes a SourceError.

    `first_line`: the file's line where `text` starts (2 for front matter after its `---`);
    errors name file lines, the returned `lines` stay relative to `text`.
    """
    shift = first_line - 1
    try:
        try:
            node, data = _parse(text, _FastLoader)
        except yaml.YAMLError:
            # Rare: parse again in pure Python, whose messages are the clearer ones.
            node, data = _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 + shift if mark else None
        problem = e.problem or e.context or "invalid YAML"
        raise SourceError(file, line, f"YAML syntax error: {problem}. Check indentation, colons and quotes on this line or the one before it.") from None
    except (ValueError, TypeError, OverflowError):  # a value YAML's own types cannot hold: `2026-13-45`, `!!float abc`
        line, value = _unconstructible(text)
        raise SourceError(file, (line or 1) + shift, f"'{value}' cannot be read as YAML reads it (a date needs a real month and day, "
                                                     f"YYYY-MM-DD). Correct it, or put it in quotes if it is meant as text.") from None
    except yaml.reader.ReaderError as e:  # a character YAML does not allow (a control character, a stray NUL)
        line = text[: e.position].count("\n") + 1 + shift
        character = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise SourceError(file, line, f"this line holds the invisible character {character}, which YAML does not allow. "
                                      f"Delete it (retype the line if you cannot see it).") from None
    except yaml.YAMLError as e:
        raise SourceError(file, 1 + shift, f"YAML error: {e}") from None
    lines: dict[Path, int] = {}
    if node is not None:
        _collect_lines(node, (), lines, file, shift)
    return LoadedYaml(data, lines)


def _unconstructible(text: str) -> tuple[int | None, str]:
    """The line and text of the first scalar whose tag cannot build it (for a ValueError while constructing)."""
    loader = yaml.SafeLoader(text)
    try:
        pending = [loader.get_single_node()]
        while pending:
            node = pending.pop(0)
            if isinstance(node, yaml.ScalarNode):
                try:
                    loader.construct_object(node, deep=True)
                except (ValueError, TypeError, OverflowError, yaml.YAMLError):
                    return node.start_mark.line + 1, node.value
            elif isinstance(node, yaml.MappingNode):
                pending += [part for pair in node.value for part in pair]
            elif isinstance(node, yaml.SequenceNode):
                pending += node.value
    finally:
        loader.dispose()
    return None, "a value"


def _collect_lines(node: yaml.Node, path: Path, lines: dict[Path, int], file: str, shift: int,
                   seen: set[int] | None = None, inside: set[int] | None = None) -> None:
    """Record the line of every value; each node once (an alias reuses its anchor's lines, and
    a chain of aliases cannot blow up), and an alias inside its own anchor is an error."""
    seen = set() if seen is None else seen
    inside = set() if inside is None else inside
    if id(node) in inside:
        raise SourceError(file, node.start_mark.line + 1 + shift, f"'{format_path(path)}' contains itself through an alias (*name inside its own &name). "
                                                                  f"Write the value out instead.")
    lines[path] = node.start_mark.line + 1
    if id(node) in seen:
        return
    seen.add(id(node))
    inside.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[tuple[str, str], int] = {}
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1 + shift
                if (key.tag, key.value) in keys:
                    first = keys[(key.tag, key.value)]
                    raise SourceError(file, line, f"'{format_path(path + (key.value,))}' is given twice, on line {first} and on line {line}; "
                                                  f"YAML would silently keep only the last. Delete one of them.")
                keys[(key.tag, key.value)] = line
            child = path + (key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark),)
            _collect_lines(value, child, lines, file, shift, seen, inside)
            lines[child] = key.start_mark.line + 1  # the key's line reads best
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, path + (index,), lines, file, shift, seen, inside)
    inside.discard(id(node))
