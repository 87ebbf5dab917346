"""Unicode repair: ftfy with conservative settings, paid for only where needed.

Why these settings: corpora want mojibake and HTML entities fixed, but not
curly quotes straightened (``uncurl_quotes`` would rewrite every “quote” and
apostrophe in clean prose), not full-width forms folded, and never a fold to
ASCII, which deletes Cyrillic.  Any :class:`ftfy.TextFixerConfig` can be
passed instead.

ftfy fixes text line by line and costs about 0.3 µs a character.  Most lines
of real text cannot be changed by any ftfy fixer, so the pass runs ftfy only
on the lines an exact gate (below) selects; the output is identical to
running ``ftfy.fix_text`` on the whole text with the same config (property
tests and the speed benchmark check this).

>>> from textclean.passes.unicode import fix_unicode
>>> fix_unicode("The caf\\u00c3\\u00a9 said \\u201chi\\u201d &amp; left")
'The café said “hi” & left'
>>> fix_unicode("Привет, «мир» — №5")
'Привет, «мир» — №5'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
import ftfy
from ftfy.badness import MOJIBAKE_CATEGORIES, is_bad
from ftfy.chardata import CONTROL_CHARS, LIGATURES

from textclean.edits import Change
from textclean.pipeline import Document, Pass, coarse_change

__all__ = ["CONSERVATIVE_FTFY", "FixUnicode", "fix_unicode", "suspicious_lines"]

#: ftfy settings that repair without rewriting style: keep curly quotes,
#: keep full-width forms, keep Cyrillic; fix mojibake, entities, controls.
CONSERVATIVE_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)

# A two-level gate decides which lines ftfy must see; it is exact, not a guess:
#
# 1. Lines made only of printable ASCII (but '&') and Russian letters are left
#    alone: no ftfy fixer changes them, and ftfy's mojibake detector
#    (``badness.BADNESS_RE``) needs at least one other character to match.
# 2. Other lines go to ftfy when they hold a character some fixer acts on by
#    itself (controls, '&', ligatures, line separators, surrogates, ...), are not
#    in the configured normal form, or -- when the mojibake detector *could*
#    match, because they hold a character that matches alone or two unusual
#    characters close together -- when ``ftfy.badness.is_bad`` says so.
#
# German, French or Russian prose with accents and quotes rarely gets past
# step 2, so ftfy runs on a few lines in a thousand.
_SAFE = "\t\x20-\x7e\u0410-\u044f\u0401\u0451"
_UNUSUAL = re.compile(f"[^{_SAFE}\n]|&")
_PAIR = re.compile(f"[^{_SAFE}\n][{_SAFE}]{{0,5}}[^{_SAFE}\n]")


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(c) for c in sorted(set(chars)))


@functools.lru_cache(maxsize=8)
def _gate(config: ftfy.TextFixerConfig) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(characters a fixer acts on alone, characters that can make the detector match alone)."""
    cats = MOJIBAKE_CATEGORIES
    trigger = set(map(chr, CONTROL_CHARS)) | set("&\x1b\r\x85\u2028\u2029")
    if config.fix_latin_ligatures:
        trigger |= set(map(chr, LIGATURES))
    if config.uncurl_quotes:
        trigger |= set("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2035\u2036")
    if config.fix_character_width:
        trigger |= {chr(c) for c in range(0xFF01, 0xFFEF)} | {"\u3000"}
    fixers = re.compile(f"[{_char_class(trigger)}\x80-\x9f\ud800-\udfff]")
    middle = cats["start_punctuation"] + cats["end_punctuation"] + cats["currency"] + "°µ"
    solo = re.compile(
        f"[\x80-\x9f{_char_class(cats['bad'])}ÃÂŒœ]|[ВГРС][\x80-\x9f{_char_class(middle + cats['bad'])}][ВГРС]"
    )
    return fixers, solo


def _needs_ftfy(segment: str, config: ftfy.TextFixerConfig) -> bool:
    fixers, solo = _gate(config)
    if len(segment) > config.max_decode_length or fixers.search(segment):
        return True
    if config.normalization and not unicodedata.is_normalized(config.normalization, segment):
        return True
    if config.fix_encoding and (solo.search(segment) or _PAIR.search(segment)):
        return bool(is_bad(segment))
    return False


def suspicious_lines(text: str, *, config: ftfy.TextFixerConfig = CONSERVATIVE_FTFY) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of the ftfy segments (lines with their ``\\n``) that ftfy would change.

    >>> list(suspicious_lines("fine\\ncaf\\u00c3\\u00a9\\nfine, «ok» für"))
    [(5, 11)]
    """
    search = _UNUSUAL.search
    pos = 0
    n = len(text)
    while pos < n:
        m = search(text, pos)
        if m is None:
            return
        start = text.rfind("\n", 0, m.start()) + 1
        nl = text.find("\n", m.start())
        end = n if nl < 0 else nl + 1
        if _needs_ftfy(text[start:end], config):
            yield start, end
        pos = end


def _segment_changes(text: str, config: ftfy.TextFixerConfig) -> Iterator[Change]:
    first_lt = text.find("<") if config.unescape_html == "auto" else -1
    for start, end in suspicious_lines(text, config=config):
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
