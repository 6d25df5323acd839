"""Load YAML and remember the line of every value, so errors can name it."""

from __future__ import annotations

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

    def line_of(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def format_path(path: Path) -> str:
    """('channels', 2, 'hours') -> 'channels[2].hours'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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


def load_yaml(text: str, file: str) -> LoadedYaml:
    """Parse `text` with safe YAML; a syntax error becomes a SourceError."""
    try:
        try:
            node, data = _parse(text, _FastLoader)
        except yaml.YAMLError:
            # Rare: parse again in pure Python, whose messages are the clearer ones.
            node, data = _parse(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        problem = e.problem or e.context or "invalid YAML"
        raise SourceError(file, line, f"YAML syntax error: {problem}. Check indentation, colons and quotes on this line or the one before it.") from None
    except yaml.YAMLError as e:
        raise SourceError(file, None, f"YAML error: {e}") from None
    lines: dict[Path, int] = {}
    if node is not None:
        _collect_lines(node, (), lines)
    return LoadedYaml(data, lines)


def _collect_lines(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = path + (key.value,)
            _collect_lines(value, child, lines)
            lines[child] = key.start_mark.line + 1  # the key's line reads best
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, path + (index,), lines)
