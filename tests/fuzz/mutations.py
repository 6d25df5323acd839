"""Hypothesis strategies: a valid file of the generator's own help center, then the mistakes staff make.

Text mutations work on lines, as an editor would: delete or duplicate a line (a key),
change a value's type, break the indentation or use tabs, blank values, a BOM, CRLF,
invalid UTF-8, control characters, very long values, emoji and right-to-left marks,
hostile HTML. The result is bytes: what the file on disk holds.
"""

from __future__ import annotations

import re

from hypothesis import strategies as st

HOSTILE = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "{% raw %}", "javascript:alert(1)",
           "</title><svg onload=alert(1)>", "&amp;&lt;", "<!--", "]]>", "`code`")
ODD = ("\u202e", "\u200f", "\u200b", "\ufeff", "😀", "👩‍👩‍👧", "ﷺ", "ıİ", "\u0000", "\u0007", "\u001b[31m", "\x85", "\u2028")
VALUES = ("null", "~", "''", '""', "0", "-1", "1e9", "true", "no", "[]", "{}", "[1, 2]", "{a: 1}", "2026-13-45", "25:00", "*alias",
          "&anchor x", "!!binary aGk=", "!!python/object:os.system", "|", ">", "? x", "- item", ": :", "'unclosed", '"unclosed', "@x", "%x")


def _value_like(draw) -> str:
    kind = draw(st.sampled_from(("fixed", "hostile", "odd", "long", "text")))
    if kind == "fixed":
        return draw(st.sampled_from(VALUES))
    if kind == "hostile":
        return draw(st.sampled_from(HOSTILE))
    if kind == "odd":
        return "".join(draw(st.lists(st.sampled_from(ODD + ("a", "-", " ")), min_size=1, max_size=6)))
    if kind == "long":
        return draw(st.sampled_from("xé😀<")) * draw(st.integers(1_000, 20_000))
    return draw(st.text(max_size=20))


@st.composite
def mutated(draw, base: str, max_mutations: int = 3) -> bytes:
    """`base` with one to `max_mutations` mistakes, as bytes on disk."""
    lines = base.split("\n")
    for _ in range(draw(st.integers(1, max_mutations))):
        operation = draw(st.sampled_from(("delete", "duplicate", "value", "indent", "tab", "insert", "truncate", "quote", "key")))
        index = draw(st.integers(0, max(len(lines) - 1, 0)))
        line = lines[index] if lines else ""
        if operation == "delete" and lines:
            del lines[index]
        elif operation == "duplicate" and lines:
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif operation == "value":
            key = re.match(r"^(\s*(?:- )?[^:#]+:)", line)
            lines[index:index + 1] = [(key.group(1) if key else line) + " " + _value_like(draw)]
        elif operation == "indent":
            lines[index:index + 1] = [" " * draw(st.integers(0, 9)) + line.lstrip()]
        elif operation == "tab":
            lines[index:index + 1] = ["\t" + line.lstrip() if draw(st.booleans()) else line.replace("  ", "\t", 1)]
        elif operation == "insert":
            position = draw(st.integers(0, len(line)))
            lines[index:index + 1] = [line[:position] + _value_like(draw) + line[position:]]
        elif operation == "truncate":
            lines[index:index + 1] = [line[: draw(st.integers(0, len(line)))]]
        elif operation == "quote":
            lines[index:index + 1] = [line.replace('"', "", 1) if '"' in line else line.replace(": ", ': "', 1)]
        elif operation == "key":
            lines.insert(index, f"{draw(st.sampled_from(('id', 'title', 'brand', 'en', 'de', 'pl', 'other', 'x')))}: {_value_like(draw)}")
    text = "\n".join(lines)
    encoding = draw(st.sampled_from(("plain", "plain", "plain", "empty", "bom", "crlf", "latin", "invalid", "control")))
    if encoding == "empty":
        return draw(st.sampled_from((b"", b"\n", b"   ", b"---", b"\xef\xbb\xbf")))
    if encoding == "bom":
        return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass")
    if encoding == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8", "surrogatepass")
    if encoding == "latin":
        return text.encode("iso-8859-9", "replace")
    if encoding == "invalid":
        raw = text.encode("utf-8", "surrogatepass")
        at = draw(st.integers(0, len(raw)))
        return raw[:at] + draw(st.sampled_from((b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xfe\xff", b"\x80"))) + raw[at:]
    if encoding == "control":
        return text.replace(" ", draw(st.sampled_from(("\x00", "\x0b", "\x0c", "\x1f", "\x7f"))), 1).encode("utf-8", "surrogatepass")
    return text.encode("utf-8", "surrogatepass")
