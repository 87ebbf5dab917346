"""A griffe extension for the API reference: reST markup in docstrings to Markdown.

The package's docstrings use reST roles (``:class:`Pipeline```), double
backquotes and doctest blocks.  Rendered as Markdown those would show roles
literally and turn ``>>>`` into nested block quotes.  This extension rewrites
each docstring when griffe loads it: roles and double backquotes become code
spans, doctest blocks become fenced ``pycon`` blocks, and a trailing ``::``
becomes ``:``.  The source files are not touched.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj|const|term):`~?!?([^`]+)`")
_DOUBLE = re.compile(r"``([^`]+)``")


def rest_to_markdown(text: str) -> str:
    """Convert one docstring (already dedented)."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            out.append(f"{indent}```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(f"{indent}```")
            continue
        if stripped.startswith("```"):  # an existing fence: copy verbatim
            out.append(line)
            i += 1
            while i < len(lines) and not lines[i].lstrip().startswith("```"):
                out.append(lines[i])
                i += 1
            if i < len(lines):
                out.append(lines[i])
                i += 1
            continue
        line = _DOUBLE.sub(r"`\1`", _ROLE.sub(r"`\1`", line))
        if line.endswith("::"):
            line = line[:-1]
        out.append(line)
        i += 1
    return "\n".join(out)


class RestMarkup(griffe.Extension):
    """Rewrite every docstring griffe loads (see the module docstring)."""

    def on_instance(self, *, node: Any, obj: griffe.Object, agent: Any, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = rest_to_markdown(obj.docstring.value)
