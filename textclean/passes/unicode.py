"""Unicode repair: ftfy with conservative settings, paid for only where needed.

Why these settings: corpora want mojibake and HTML entities fixed, but not
curly quotes straightened (``uncurl_quotes`` would rewrite every “quote” and
apostrophe in clean prose), not full-width forms folded, and never a fold to
ASCII, which deletes Cyrillic.  Any :class:`ftfy.TextFixerConfig` can be
passed instead.

ftfy fixes text line by line.  Most lines of real news text consist of
characters that no ftfy fixer can change (ASCII, Cyrillic letters, common
punctuation), so the pass runs ftfy only on lines that contain something else,
plus lines where a Cyrillic letter is followed by a character that a UTF-8 →
cp1251 mix-up produces.  The output is identical to running ``ftfy.fix_text``
on the whole text with the same config (a property test checks this).

>>> from textclean.passes.unicode import fix_unicode
>>> fix_unicode("The caf\\u00c3\\u00a9 said \\u201chi\\u201d &amp; left")
'The café said “hi” & left'
>>> fix_unicode("Привет, «мир» — №5")
'Привет, «мир» — №5'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
import ftfy

from textclean.edits import Change
from textclean.pipeline import Document, Pass, coarse_change

__all__ = ["CONSERVATIVE_FTFY", "FixUnicode", "fix_unicode", "suspicious_lines"]

#: ftfy settings that repair without rewriting style: keep curly quotes,
#: keep full-width forms, keep Cyrillic; fix mojibake, entities, controls.
CONSERVATIVE_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)

# Characters no ftfy fixer touches on their own.  Anything else on a line sends
# the line through ftfy.  '&' (HTML entities), '<' (it switches entity
# unescaping off) and control characters are deliberately outside the set.
_SAFE = (
    "\t\x20-\x25\x27-\x3b\x3d\x3f-\x7e"  # printable ASCII but & < >
    "\u0410-\u044f\u0401\u0451"  # Russian letters
    "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00ab\u00bb\u2116"  # – — ‘ ’ “ ” … « » №
)
# cp1251 renders UTF-8 lead bytes as В Г Р С в г р с; a lead followed by a
# continuation byte that happens to be a "safe" character could be mojibake.
_LEADS = "\u0412\u0413\u0420\u0421\u0432\u0433\u0440\u0441"
_CONT = "\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u00ab\u00bb\u2116\u0401\u0451"
_SUSPICIOUS = re.compile(f"[^{_SAFE}\\n]|[{_LEADS}][{_CONT}]")


def suspicious_lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of the ftfy segments (lines with their ``\\n``) worth fixing.

    >>> list(suspicious_lines("fine\\ncaf\\u00c3\\u00a9\\nfine"))
    [(5, 11)]
    """
    search = _SUSPICIOUS.search
    pos = 0
    n = len(text)
    while pos < n:
        m = search(text, pos)
        if m is None:
            return
        start = text.rfind("\n", 0, m.start()) + 1
        nl = text.find("\n", m.start())
        end = n if nl < 0 else nl + 1
        yield start, end
        pos = end


def _segment_changes(text: str, config: ftfy.TextFixerConfig) -> Iterator[Change]:
    first_lt = text.find("<") if config.unescape_html == "auto" else -1
    for start, end in suspicious_lines(text):
        # ftfy decides "auto" entity unescaping per segment, switching it off
        # for good at the first segment holding '<'.
        seg_config = config
        if config.unescape_html == "auto":
            seg_config = config._replace(unescape_html=not (0 <= first_lt < end))
        # a segment starts at a line start, so ftfy cuts over-long lines at the
        # same offsets as it would in the whole text
        segment = text[start:end]
        fixed = ftfy.fix_text(segment, seg_config)
        if fixed != segment:
            change = coarse_change(segment, fixed, "ftfy")
            yield Change(start + change.start, start + change.end, change.replacement, _rule_for(segment, fixed))


def _rule_for(before: str, after: str) -> str:
    if "&" in before and "&" not in after:
        return "html-entities"
    if len(after) < len(before) and any(ord(c) < 32 and c not in "\t\n" for c in before):
        return "control-chars"
    return "mojibake"


def fix_unicode(text: str, *, config: ftfy.TextFixerConfig = CONSERVATIVE_FTFY) -> str:
    """Fix mojibake, entities and control characters; keep quotes and Cyrillic."""
    out: list[str] = []
    pos = 0
    for change in _segment_changes(text, config):
        out.append(text[pos : change.start])
        out.append(change.replacement)
        pos = change.end
    out.append(text[pos:])
    return "".join(out)


def _config_converter(value: Any) -> ftfy.TextFixerConfig:
    if isinstance(value, ftfy.TextFixerConfig):
        return value
    if isinstance(value, dict):
        return CONSERVATIVE_FTFY._replace(**value)
    raise TypeError("config must be an ftfy.TextFixerConfig or a dict of its fields")


@attrs.frozen
class FixUnicode(Pass):
    """Pass wrapper of :func:`fix_unicode`; ``config`` is any ftfy config (or a dict of fields)."""

    name = "unicode"
    config: ftfy.TextFixerConfig = attrs.field(default=CONSERVATIVE_FTFY, converter=_config_converter)

    def propose(self, doc: Document) -> list[Change]:
        return list(_segment_changes(doc.text, self.config))
