"""Tests for ``textclean.dates``: case tables, traps, data integrity, properties."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textclean import dates
from textclean.dates import Mention

DATA = Path(__file__).parent / "data" / "dates"
SEEDS = Path(__file__).parent.parent / "seeds"


def _load(name: str) -> list[dict[str, Any]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


CASES = _load("cases_en.jsonl") + _load("cases_ru.jsonl")
NEGATIVES = _load("negatives.jsonl")


def _case_id(case: dict[str, Any]) -> str:
    return case["text"][:50].replace("\n", " ")


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_case_table(case: dict[str, Any]) -> None:
    found = dates.find(case["text"], reference=case.get("reference"))
    assert [(m.text, m.value) for m in found] == [(e["text"], e["value"]) for e in case["expect"]]
    for m, e in zip(found, case["expect"], strict=True):
        assert case["text"][m.start : m.end] == m.text
        if "ambiguous" in e:
            assert m.ambiguous == e["ambiguous"]
        if "year_inferred" in e:
            assert m.year_inferred == e["year_inferred"]


@pytest.mark.parametrize("case", NEGATIVES, ids=_case_id)
def test_negatives(case: dict[str, Any]) -> None:
    assert dates.find(case["text"], reference=case.get("reference")) == []


def test_case_tables_are_large_and_cover_both_languages() -> None:
    assert len(CASES) >= 400
    assert {c["lang"] for c in CASES} == {"en", "ru"}
    assert len(NEGATIVES) >= 50


# --- seeds -----------------------------------------------------------------------


def _seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_seed_000_header_dates() -> None:
    text = _seed("000")
    own = dates.document_dates(text)
    assert own["published"].value == "2022-01-12T08:30"
    assert own["modified"].value == "2022-12-24T22:37"
    values = [m.value for m in dates.find(text)]
    assert values[:5] == ["2022-01-12T08:30"] * 2 + ["2022-12-24T22:37"] * 2 + ["2022-01-12T08:30"]


def test_seed_004_dateline_zone_and_inferred_years() -> None:
    text = _seed("004")
    found = {m.text: m for m in dates.find(text)}
    dateline = next(m for t, m in found.items() if t.startswith("06.01.2022"))
    assert dateline.value == "2022-01-06T13:15+03:00"
    assert found["January 5"].value == "2022-01-05"
    assert found["January 5"].year_inferred
    assert found["January 3-4"].value == "2022-01-03/2022-01-04"
    assert found["May 2024"].value == "2024-05"
    assert not any("10692" in t or "6789" in t or "April" in t for t in found)


def test_seed_traps_never_dates() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        for m in dates.find(_seed(prefix)):
            assert m.text.lower() not in {"may", "march", "now", "we"}
            assert "%" not in m.text and "ad_1" not in m.text
            assert m.text not in {"2.0", "3.5", "10692"}


def test_seed_002_year_less_without_reference() -> None:
    (m,) = [m for m in dates.find(_seed("002")) if "January" in m.text]
    assert (m.value, m.year_inferred) == ("--01-05", False)


# --- API -------------------------------------------------------------------------


def test_parse_header_values() -> None:
    assert dates.parse("Posted 12 января 2022,, 08:30").value == "2022-01-12T08:30"  # type: ignore[union-attr]
    assert dates.parse("Опубликовано: 06.01.2022 13:15 (МСК)").value == "2022-01-06T13:15+03:00"  # type: ignore[union-attr]
    assert dates.parse("Moscow, the market fell 3.5%") is None
    assert dates.parse("") is None


def test_parse_header_line_keys() -> None:
    assert dates.parse_header_line("Updated: 24 декабря 2022, 22:37")[0] == "modified"  # type: ignore[index]
    assert dates.parse_header_line("Обновлено 24.12.2022")[0] == "modified"  # type: ignore[index]
    assert dates.parse_header_line("Published on Jan 5, 2022")[0] == "published"  # type: ignore[index]
    assert dates.parse_header_line("Posted by admin") is None


def test_parse_prefer() -> None:
    ref = "2022-01-06"
    assert dates.parse("January 7", reference=ref).value == "2021-01-07"  # type: ignore[union-attr]
    assert dates.parse("January 7", reference=ref, prefer="future").value == "2022-01-07"  # type: ignore[union-attr]
    assert dates.parse("January 7", reference=ref, prefer="nearest").value == "2022-01-07"  # type: ignore[union-attr]


def test_relative_without_reference_has_no_value() -> None:
    (m,) = dates.find("He left yesterday.")
    assert (m.kind, m.value, m.grain) == ("relative", None, "day")


def test_reference_types_agree() -> None:
    text = "3 дня назад"
    values = {
        dates.find(text, reference=r)[0].value
        for r in ("2022-01-06", dt.date(2022, 1, 6), dt.datetime(2022, 1, 6, 9, 0), "2022-01-06T09:00+03:00")
    }
    assert values == {"2022-01-03"}


def test_date_order_option() -> None:
    assert dates.find("on 06/01/2022", date_order="DMY")[0].value == "2022-01-06"
    assert dates.find("on 06/01/2022", date_order="MDY")[0].value == "2022-06-01"
    assert dates.find("on 22.01.06", date_order="YMD")[0].value == "2022-01-06"
    m = dates.find("on 06/01/2022")[0]
    assert m.ambiguous and m.alternatives == ("2022-01-06",)
    assert not dates.find("в отчёте от 06/01/2022")[0].ambiguous
    with pytest.raises(ValueError):
        dates.find("x", date_order="DYM")


def test_languages_option_limits_words() -> None:
    assert dates.find("12 января 2022", languages=("en",)) == []
    assert dates.find("January 12, 2022", languages=("ru",)) == []
    assert dates.find("06.01.2022", languages=("en",))[0].value == "2022-01-06"
    with pytest.raises(ValueError):
        dates.find("x", languages=("xx",))


def test_mention_is_frozen_and_serialisable() -> None:
    m = dates.find("12 января 2022")[0]
    assert isinstance(m, Mention)
    with pytest.raises(AttributeError):
        m.value = "x"  # type: ignore[misc]
    assert json.loads(json.dumps(m.to_dict()))["value"] == "2022-01-12"


# --- rule data: every entry parses ------------------------------------------------


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_month_form_parses(lang: str) -> None:
    data = dates.load_language(lang)
    capitalised = set(data["capitalised_only"])
    for num, forms in data["months"].items():
        for form in forms["full"] + forms["abbr"]:
            word = form.capitalize() if form in capitalised or lang == "en" else form
            text = f"5 {word}{'.' if form in forms['abbr'] else ''} 2021"
            (m,) = dates.find(text, languages=(lang,))
            assert m.value == f"2021-{int(num):02d}-05", text


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_weekday_parses(lang: str) -> None:
    data = dates.load_language(lang)
    for forms in data["weekdays"].values():
        for form in forms:
            text = f"{form.capitalize()}, 06.01.2022"
            (m,) = dates.find(text, languages=(lang,))
            assert (m.start, m.value) == (0, "2022-01-06"), text


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_relative_day_parses(lang: str) -> None:
    ref = dt.date(2022, 1, 6)
    for entry in dates.load_language(lang)["relative_days"]:
        for word in entry["words"]:
            text = f"{word} at 10:15" if lang == "en" else f"{word} в 10:15"
            (m,) = dates.find(text, reference=ref, languages=(lang,))
            day = ref + dt.timedelta(days=entry["days"])
            assert m.value == f"{day.isoformat()}T10:15", text


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_ago_unit_and_number_parses(lang: str) -> None:
    data = dates.load_language(lang)
    ref = dt.datetime(2022, 1, 6, 12, 0)
    for unit in data["ago_units"]:
        for word in data["ago_words"]:
            (m,) = dates.find(f"2 {unit} {word}", reference=ref, languages=(lang,))
            assert m.kind == "relative" and m.value is not None, unit
    for number, n in data["numbers"].items():
        (m,) = dates.find(f"{number} {'days ago' if lang == 'en' else 'дней назад'}", reference=ref, languages=(lang,))
        assert m.value == (ref.date() - dt.timedelta(days=n)).isoformat(), number


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_period_parses(lang: str) -> None:
    data = dates.load_language(lang)
    ref = dt.date(2022, 6, 15)
    prep = data["period_prepositions"]
    for mod, shift in data["period_modifiers"].items():
        for unit, grain in data["period_units"].items():
            text = f"{prep[0]} {mod} {unit}" if prep else f"{mod} {unit}"
            (m,) = dates.find(text, reference=ref, languages=(lang,))
            assert m.grain == grain, text
            if grain == "year":
                assert m.value == str(2022 + shift), text


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_zone_parses(lang: str) -> None:
    for zone, offset in dates.load_language(lang)["zones"].items():
        for text in (f"06.01.2022 13:15 {zone}", f"06.01.2022 13:15 ({zone})", f"06.01.2022 13:15\n ({zone})"):
            (m,) = dates.find(text, languages=(lang,))
            assert m.value == f"2022-01-06T13:15{offset}", text


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_seasonal_zone_parses_in_winter_and_summer(lang: str) -> None:
    for zone, (rule, standard) in dates.load_language(lang)["seasonal_zones"].items():
        sign, hours = standard[0], int(standard[1:3])
        summer = hours - 1 if sign == "-" else hours + 1
        expect_summer = f"{sign if summer else '+'}{summer:02d}:00" if summer else "Z"
        expect_winter = standard if hours else "Z"
        for day, offset in (("06.01.2022", expect_winter), ("06.07.2022", expect_summer)):
            (m,) = dates.find(f"{day} 13:15 {zone}", languages=(lang,), date_order="DMY")
            assert m.value == f"{day[6:]}-{day[3:5]}-{day[:2]}T13:15{offset}", (zone, rule, day)


def test_seasonal_zone_switches_on_the_rule_days() -> None:
    # 2024: US summer time from Sunday 10 March 2:00 to Sunday 3 November 2:00
    def value(text: str) -> str | None:
        (m,) = dates.find(text, languages=("en",))
        return m.value

    assert value("March 10, 2024 1:59 AM ET") == "2024-03-10T01:59-05:00"
    assert value("March 10, 2024 3:00 AM ET") == "2024-03-10T03:00-04:00"
    assert value("November 3, 2024 1:00 AM ET") == "2024-11-03T01:00-04:00"
    assert value("November 3, 2024 2:30 AM ET") == "2024-11-03T02:30-05:00"
    # a year-less date has no known offset: the zone is left out
    assert value("March 12 9:14 AM ET") == "--03-12T09:14"


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_header_label_parses(lang: str) -> None:
    for key, labels in dates.load_language(lang)["header_labels"].items():
        for label in labels:
            hit = dates.parse_header_line(f"{label.capitalize()}: 06.01.2022 13:15", languages=(lang,))
            assert hit is not None and hit[0] == key and hit[1].value == "2022-01-06T13:15", label


@pytest.mark.parametrize("lang", dates.LANGUAGES)
def test_every_year_and_month_preposition_parses(lang: str) -> None:
    data = dates.load_language(lang)
    for prep in data["year_prepositions"]:
        suffix = " году" if lang == "ru" else ""
        found = dates.find(f"{prep} 2018{suffix}", languages=(lang,))
        assert [m.value for m in found] == ["2018"], prep
    for mod in data["year_modifiers"]:
        found = dates.find(f"in {mod} 2018.", languages=(lang,))
        assert [m.value for m in found] == ["2018"], mod
    month = "января" if lang == "ru" else "January"
    for prep in data["month_prepositions"]:
        sep = "" if prep.endswith("-") else " "
        found = dates.find(f"{prep}{sep}{month}", languages=(lang,))
        assert [m.value for m in found] == ["--01"], prep


# --- properties --------------------------------------------------------------------

RU_GEN = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
EN_MON = "January February March April May June July August September October November December".split()

FORMATS = (
    lambda d: f"{d.day} {RU_GEN[d.month - 1]} {d.year} года",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{EN_MON[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {EN_MON[d.month - 1]} {d.year}",
    lambda d: d.isoformat(),
)


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    fmt=st.sampled_from(range(len(FORMATS))),
    before=st.sampled_from(["", "Posted ", "Published: ", "В Москве ", "(", "— "]),
    after=st.sampled_from(["", ".", ", officials said", " в 10 утра", ")"]),
)
def test_formatted_dates_round_trip(day: dt.date, fmt: int, before: str, after: str) -> None:
    written = FORMATS[fmt](day)
    (m,) = dates.find(before + written + after)
    assert m.value == day.isoformat()
    assert m.text == written


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,:/-–()\nянварьMayJan годaptm+Z")), max_size=200))
def test_find_is_total_and_well_formed(text: str) -> None:
    found = dates.find(text)
    assert found == dates.find(text)  # deterministic
    last = -1
    for m in found:
        assert last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        last = m.end


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200_000,
        "1" * 200_000,
        "12.01." * 40_000,
        "5 января " * 30_000,
        "in " * 50_000 + "2018",
        "\n" * 100_000,
        "January " * 40_000,
        "1 - " * 50_000,
    ],
    ids=["brackets", "digits", "dotted", "repeated-dates", "prepositions", "newlines", "months", "dashes"],
)
def test_hostile_inputs_complete(text: str) -> None:
    found = dates.find(text)
    assert all(text[m.start : m.end] == m.text for m in found)


def test_docs_page_examples_run() -> None:
    import doctest
    import re

    page = Path(__file__).parent.parent / "docs" / "dates.md"
    blocks = re.findall(r"^```pycon\n(.*?)^```", page.read_text(encoding="utf-8"), re.S | re.M)
    source = "\n".join(block.rstrip("\n") + "\n" for block in blocks)
    test = doctest.DocTestParser().get_doctest(source, {}, "dates.md", str(page), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
