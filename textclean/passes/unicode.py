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
from ftfy.badness import BADNESS_RE, MOJIBAKE_CATEGORIES
from ftfy.chardata import CONTROL_CHARS, HTML_ENTITY_RE, LIGATURES

from textclean.edits import Change, apply_changes
from textclean.pipeline import Document, Pass, coarse_change

__all__ = ["CONSERVATIVE_FTFY", "FixUnicode", "fix_unicode", "suspicious_lines"]

#: ftfy settings that repair without rewriting style: keep curly quotes,
#: keep full-width forms, keep Cyrillic; fix mojibake, entities, controls.
CONSERVATIVE_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, explain=False)

# A two-level gate decides which lines ftfy must see; it is exact, not a guess:
#
# 1. Lines made only of printable ASCII and Russian letters, with no HTML
#    entity, are left alone: no ftfy fixer changes them, and ftfy's mojibake
#    detector (``badness.BADNESS_RE``) needs at least one other character.
# 2. Other lines go to ftfy when they hold a character some fixer acts on by
#    itself (controls, ligatures, line separators, surrogates, ...) or an
#    entity such as ``&amp;``, are not in the configured normal form, or --
#    when the mojibake detector *could* match, because they hold a character
#    that matches alone or two unusual characters close together -- when
#    ``ftfy.badness.is_bad`` says so.
#
# German, French or Russian prose with accents and quotes rarely gets past
# step 2, so ftfy runs on a few lines in a thousand.
_SAFE = "\t\x20-\x7e\u0410-\u044f\u0401\u0451"
_UNUSUAL = re.compile(f"[^{_SAFE}\n]|&")
# ftfy's detector never matches more than 7 characters (a test checks), so a
# match holding the character at ``h`` lies within ``h - 6 .. h + 7``
_LONGEST = 7
_WINDOW_BEFORE, _WINDOW_AFTER = _LONGEST - 1, _LONGEST
_MAX_WINDOWS = 32  # hints searched one by one on a line before the rest of it is searched whole
# what follows the '&' of an HTML entity ftfy decodes ("#?[0-9A-Za-z]{1,24};"); any '&' if that is unknown
_ENTITY_AFTER_AMP = HTML_ENTITY_RE.pattern[1:] if HTML_ENTITY_RE.pattern.startswith("&") else ""


def _char_class(chars: Iterable[str]) -> str:
    return "".join(re.escape(c) for c in sorted(set(chars)))


@functools.lru_cache(maxsize=8)
def _gate(config: ftfy.TextFixerConfig) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns: places a fixer acts on alone; places the detector could match; either of them.

    A fixer acts on a character (a control, a ligature, ...) or on an HTML
    entity; a '&' that starts no entity is left alone by every fixer.  The
    third pattern finds both kinds of place in one scan, a fixer's as group
    ``fix``; without ``fix_encoding`` it finds only the fixers' places.
    """
    trigger = set(map(chr, CONTROL_CHARS)) | set("\x1b\r\x85\u2028\u2029")
    if config.fix_latin_ligatures:
        trigger |= set(map(chr, LIGATURES))
    if config.uncurl_quotes:
        trigger |= set("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u2032\u2033\u2035\u2036")
    if config.fix_character_width:
        trigger |= {chr(c) for c in range(0xFF01, 0xFFEF)} | {"\u3000"}
    chars = f"{_char_class(trigger)}\x80-\x9f\ud800-\udfff"
    entity = f"(?<=&)(?={_ENTITY_AFTER_AMP})"
    fixers = re.compile(f"[{chars}&](?:(?<=[{chars}])|{entity})")
    hint = _hint()
    if not config.fix_encoding:
        return fixers, hint, re.compile(f"[{chars}&](?:(?<=[{chars}])|{entity})(?P<fix>)")
    first, rest = _hint_parts()
    either = re.compile(f"[{chars}&{first}](?:(?:(?<=[{chars}])|{entity})(?P<fix>)|{rest})")
    return fixers, hint, either


@functools.lru_cache(maxsize=1)
def _hint() -> re.Pattern[str]:
    """Places where ftfy's mojibake detector could match.

    Every detector match holds a character that can match with plain
    neighbours (a *solo*), or two *paired* characters at most two apart.  The
    paired characters are those of ftfy's categories, less the ones we read
    as safe and the "common" ones (NBSP, dashes, ellipsis, ...), which the
    detector only uses right after a solo or paired character.  A test checks
    every branch of the detector, for every way its characters can fall in
    the hint's classes.
    """
    first, rest = _hint_parts()
    # The pattern starts with a character class (the union of the branches'
    # characters) and checks each branch by looking back at that character:
    # the engine then skips ahead at charset speed to the next candidate.
    return re.compile(f"[{first}](?:{rest})")


@functools.lru_cache(maxsize=1)
def _hint_parts() -> tuple[str, str]:
    """The body of the hint's first character class, and its branches (lookarounds around that character)."""
    cats = MOJIBAKE_CATEGORIES
    safe = re.compile(f"[{_SAFE}]")
    every = "".join(v for k, v in cats.items() if k != "common")
    paired = _char_class(c for c in _expand(every) if not safe.match(c) and c not in _expand(cats["common"]))
    middle = _char_class(_expand(cats["start_punctuation"] + cats["end_punctuation"] + cats["currency"] + cats["bad"]))
    solo = _char_class([*_expand(cats["bad"]), "Ã", "Â", "Î", "Ð", "Œ", "œ", "√", "Ђ"])
    upper = _char_class(_expand(cats["upper_accented"]))
    first = f"\x80-\x9f{solo}{middle}°µ{upper}{paired}"
    rest = (
        f"(?<=[\x80-\x9f{solo}])"
        f"|(?<=[ВГРС][\x80-\x9f{middle}°µ])(?=[ВГРС])"
        f"|(?<=[а-яё][{upper}])"
        f"|(?<=[{paired}])(?=[^{paired}\n]?[{paired}])"
    )
    return first, rest


def _expand(body: str) -> list[str]:
    """The characters of a character-class body such as ``"a-c\u00e9"``.

    >>> "".join(_expand("a-cé"))
    'abcé'
    """
    out: list[str] = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.extend(map(chr, range(ord(body[i]), ord(body[i + 2]) + 1)))
            i += 3
        else:
            out.append(body[i])
            i += 1
    return out


def _bad_near_hints(segment: str, hint: re.Pattern[str]) -> bool:
    """``ftfy.badness.is_bad(segment)``, searching only windows around the hints."""
    lo = hi = -1
    n = len(segment)
    search = BADNESS_RE.search
    for m in hint.finditer(segment):
        w_lo, w_hi = max(0, m.start() - _WINDOW_BEFORE), min(n, m.start() + _WINDOW_AFTER)
        if w_lo <= hi:
            hi = w_hi
            continue
        if hi >= 0 and search(segment, lo, hi):
            return True
        lo, hi = w_lo, w_hi
    return hi >= 0 and search(segment, lo, hi) is not None


def suspicious_lines(text: str, *, config: ftfy.TextFixerConfig = CONSERVATIVE_FTFY) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of the ftfy segments (lines with their ``\\n``) that ftfy could change.

    >>> list(suspicious_lines("fine\\ncaf\\u00c3\\u00a9\\nfine, «ok» für"))
    [(5, 11)]
    """
    fixers, hint, either = _gate(config)
    if config.normalization and not unicodedata.is_normalized(config.normalization, text):
        yield from _suspicious_by_line(text, config, fixers, hint)
        return
    # One whole-text scan at C speed finds the fixer characters (a line holding
    # one is marked) and the hints (a line is marked when ftfy's detector
    # matches in a small window around one).  Each line is located once, and
    # the scan resumes at the end of a line it marked, so the work stays
    # linear however many hits one long line holds.
    n = len(text)
    marked: list[tuple[int, int]] = []
    search = BADNESS_RE.search
    pos, start, end, tries, done = 0, 0, 0, 0, 0
    while True:
        m = either.search(text, pos)
        if m is None:
            break
        at = m.start()
        if at >= end:  # a new line
            start, end = _line_after(text, end, at)
            tries, done = 0, start
        if m.lastgroup == "fix":
            marked.append((start, end))
            pos = end
            continue
        tries += 1
        # the window holds every detector match through the hint, less what an
        # earlier window of the line searched in vain (a match starting before
        # ``done - 6`` ends by ``done``)
        lo = max(start, at - _WINDOW_BEFORE, done - _WINDOW_BEFORE)
        hi = end if tries > _MAX_WINDOWS else min(end, at + _WINDOW_AFTER)
        # a slice, so that the detector's "^" may match at a line start (an
        # extra ftfy call at worst, never a missed line); past _MAX_WINDOWS
        # hints on one line, the rest of the line is searched at once
        if search(text[lo:hi]):
            marked.append((start, end))
            pos = end
        elif hi == end:  # the detector is done with this line, but a fixer's place may follow
            if fixers.search(text, m.end(), end):
                marked.append((start, end))
            pos = end
        else:
            pos, done = m.end(), hi
    if config.max_decode_length < n:
        long_lines = {span for span in _all_lines(text) if span[1] - span[0] > config.max_decode_length}
        yield from sorted(long_lines.union(marked))
    else:
        yield from marked


def _line_after(text: str, line_start: int, pos: int) -> tuple[int, int]:
    """The line holding ``pos``, knowing that ``line_start <= pos`` starts a line."""
    nl = text.rfind("\n", line_start, pos)
    start = nl + 1 if nl >= 0 else line_start
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end + 1)


def _all_lines(text: str) -> Iterator[tuple[int, int]]:
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl + 1
        yield pos, end
        pos = end


def _suspicious_by_line(
    text: str, config: ftfy.TextFixerConfig, fixers: re.Pattern[str], hint: re.Pattern[str]
) -> Iterator[tuple[int, int]]:
    """The slower path for text that is not in normal form: check each unusual line."""
    pos, n = 0, len(text)
    while pos < n:
        m = _UNUSUAL.search(text, pos)
        if m is None:
            return
        start, end = _line_after(text, pos, m.start())
        segment = text[start:end]
        if (
            end - start > config.max_decode_length
            or fixers.search(segment)
            or not unicodedata.is_normalized(config.normalization or "NFC", segment)
            or (config.fix_encoding and _bad_near_hints(segment, hint))
        ):
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
    return apply_changes(text, _segment_changes(text, config))


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
