"""Find and normalise dates in mixed Russian/English news text.

>>> from textclean import dates
>>> [(m.text, m.value) for m in dates.find("Posted 12 января 2022,, 08:30. On the night of January 3-4 ...")]
[('12 января 2022,, 08:30', '2022-01-12T08:30'), ('January 3-4', '2022-01-03/2022-01-04')]
>>> dates.parse("06.01.2022 13:15 (Moscow time)").value
'2022-01-06T13:15+03:00'
>>> dates.parse("вчера в 10:15", reference="2022-01-06").value
'2022-01-05T10:15'
"""

from __future__ import annotations

from textclean.dates._api import document_dates, find, parse, parse_header_line
from textclean.dates._finder import coerce_reference
from textclean.dates._lexicon import LANGUAGES, load_language
from textclean.dates._model import GRAINS, KINDS, Mention

__all__ = [
    "GRAINS",
    "KINDS",
    "LANGUAGES",
    "Mention",
    "coerce_reference",
    "document_dates",
    "find",
    "load_language",
    "parse",
    "parse_header_line",
]
