"""Regenerate the templated part of the date case tables (``python tests/data/dates/make_cases.py``).

Expected values are computed here from the calendar tuple that produced the
wording, never by the finder.  Hand-written cases live in ``*_manual.jsonl``
beside the generated files and are appended unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Protocol

HERE = Path(__file__).parent
REF = dt.datetime(2022, 6, 15, 12, 0)

RU_GEN = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
RU_NOM = "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split()
RU_PREP = "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре".split()
RU_ABBR = "янв. февр. мар. апр. мая июн. июл. авг. сент. окт. нояб. дек.".split()
RU_WD = "понедельник вторник среда четверг пятница суббота воскресенье".split()
EN_FULL = "January February March April May June July August September October November December".split()
EN_ABBR = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
EN_ABBR2 = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
EN_WD = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def iso_day(d: dt.date) -> str:
    return d.isoformat()


def rand_date(rng: random.Random, *, year: int | None = None, months: range = range(1, 13)) -> dt.date:
    y = year if year is not None else rng.randint(1995, 2024)
    m = rng.choice(list(months))
    d = rng.randint(1, 28)
    return dt.date(y, m, d)


RU_SENT = [
    "{x} в Москве прошло заседание правительства.",
    "Об этом сообщила пресс-служба ведомства {x}.",
    "Опубликовано: {x}",
    "Встреча состоялась {x}, сообщает ТАСС.",
    "Решение вступило в силу {x}, напомнили в суде.",
    "Материал обновлён {x}",
    "По данным на {x}, в регионе зарегистрировано 120 случаев.",
]
EN_SENT = [
    "{x} — The ministry said in a statement that talks would resume.",
    "The agreement was signed on {x}, officials said.",
    "Published {x}",
    "Protesters gathered outside parliament on {x} and again a week later.",
    "As of {x}, the company had not commented.",
    "Last updated: {x}",
    "The report, released {x}, found no evidence of fraud.",
]


class _Add(Protocol):
    def __call__(self, x: str, value: str, ref: str | None = ..., span: str | None = ..., **extra: object) -> None: ...


def _adder(out: list[dict[str, object]], rng: random.Random, sentences: list[str]) -> _Add:
    """``add(x, value, ...)``: put expression ``x`` in a random sentence and record the expected mention."""

    def add(x: str, value: str, ref: str | None = None, span: str | None = None, **extra: object) -> None:
        sent = rng.choice(sentences).format(x=x)
        case: dict[str, object] = {"text": sent, "expect": [{"text": span or x, "value": value}]}
        if ref:
            case["reference"] = ref
        case.update(extra)
        out.append(case)

    return add


def ru_cases(rng: random.Random) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    add = _adder(out, rng, RU_SENT)

    for _ in range(14):
        d = rand_date(rng)
        add(f"{d.day} {RU_GEN[d.month - 1]} {d.year}", iso_day(d))
        d = rand_date(rng)
        add(f"{d.day} {RU_GEN[d.month - 1]} {d.year} г.", iso_day(d))
        d = rand_date(rng)
        add(f"{d.day} {RU_GEN[d.month - 1]} {d.year} года", iso_day(d))
        d = rand_date(rng)
        add(f"{d.day} {RU_ABBR[d.month - 1]} {d.year}", iso_day(d))
        d = rand_date(rng)
        add(f"{d.day:02d}.{d.month:02d}.{d.year}", iso_day(d))
        d = rand_date(rng)
        hh, mm = rng.randint(0, 23), rng.randint(0, 59)
        add(f"{d.day:02d}.{d.month:02d}.{d.year} {hh:02d}:{mm:02d}", f"{iso_day(d)}T{hh:02d}:{mm:02d}")
        d = rand_date(rng)
        hh, mm = rng.randint(0, 23), rng.randint(0, 59)
        sep = rng.choice([", ", ",, ", " в ", " | "])
        add(f"{d.day} {RU_GEN[d.month - 1]} {d.year}{sep}{hh:02d}:{mm:02d}", f"{iso_day(d)}T{hh:02d}:{mm:02d}")
        d = rand_date(rng, year=2022, months=range(2, 11))
        add(f"{d.day} {RU_GEN[d.month - 1]}", iso_day(d), REF.isoformat(), year_inferred=True)
        d = rand_date(rng, year=2022, months=range(2, 11))
        add(f"{RU_WD[d.weekday()]}, {d.day} {RU_GEN[d.month - 1]}", iso_day(d), REF.isoformat())
        d = rand_date(rng, year=rng.randint(2000, 2024))
        add(f"{RU_NOM[d.month - 1].capitalize()} {d.year}", f"{d.year}-{d.month:02d}")
        y = rng.randint(1990, 2024)
        add(f"в {y} году", str(y), span=f"{y} году")
        d = rand_date(rng, year=2022, months=range(2, 11))
        d2 = d + dt.timedelta(days=rng.randint(1, 2))
        if d2.month == d.month:
            add(f"{d.day}-{d2.day} {RU_GEN[d.month - 1]}", f"{iso_day(d)}/{iso_day(d2)}", REF.isoformat())
        d = rand_date(rng)
        d2 = d + dt.timedelta(days=rng.randint(2, 9))
        if d2.month == d.month:
            add(
                f"с {d.day} по {d2.day} {RU_GEN[d.month - 1]} {d.year} года",
                f"{iso_day(d)}/{iso_day(d2)}",
            )
        d = rand_date(rng)
        hh, mm = rng.randint(0, 23), rng.randint(0, 59)
        zone = rng.choice(["МСК", "(МСК)", "по московскому времени", "(мск)"])
        add(
            f"{d.day:02d}.{d.month:02d}.{d.year} {hh:02d}:{mm:02d} {zone}",
            f"{iso_day(d)}T{hh:02d}:{mm:02d}+03:00",
        )
    ref = REF.date()
    for n in (2, 3, 5, 10):
        word = "дня" if n in (2, 3) else "дней"
        add(f"{n} {word} назад", iso_day(ref - dt.timedelta(days=n)), REF.isoformat())
    add("вчера", iso_day(ref - dt.timedelta(days=1)), REF.isoformat())
    add("позавчера", iso_day(ref - dt.timedelta(days=2)), REF.isoformat())
    for hh, mm in ((10, 15), (8, 5), (23, 40)):
        add(f"сегодня в {hh:02d}:{mm:02d}", f"{iso_day(ref)}T{hh:02d}:{mm:02d}", REF.isoformat())
        add(f"вчера в {hh}:{mm:02d}", f"{iso_day(ref - dt.timedelta(days=1))}T{hh:02d}:{mm:02d}", REF.isoformat())
    add("в прошлом году", str(ref.year - 1), REF.isoformat(), span="прошлом году")
    add("в этом году", str(ref.year), REF.isoformat(), span="этом году")
    add("в прошлом месяце", f"{ref.year}-{ref.month - 1:02d}", REF.isoformat(), span="прошлом месяце")
    wk = (ref - dt.timedelta(days=7)).isocalendar()
    add("на прошлой неделе", f"{wk.year}-W{wk.week:02d}", REF.isoformat(), span="прошлой неделе")
    add("неделю назад", iso_day(ref - dt.timedelta(days=7)), REF.isoformat())
    add("год назад", str(ref.year - 1), REF.isoformat())
    for m in range(1, 13):
        add(f"в {RU_PREP[m - 1]} {2000 + m} года", f"{2000 + m}-{m:02d}", span=f"{RU_PREP[m - 1]} {2000 + m} года")
    return out


def en_cases(rng: random.Random) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    add = _adder(out, rng, EN_SENT)

    for _ in range(14):
        d = rand_date(rng)
        add(f"{EN_FULL[d.month - 1]} {d.day}, {d.year}", iso_day(d))
        d = rand_date(rng)
        add(f"{EN_ABBR[d.month - 1]} {d.day}, {d.year}", iso_day(d))
        d = rand_date(rng)
        add(f"{d.day} {EN_FULL[d.month - 1]} {d.year}", iso_day(d))
        d = rand_date(rng)
        add(f"{EN_WD[d.weekday()]}, {EN_FULL[d.month - 1]} {d.day}, {d.year}", iso_day(d))
        d = rand_date(rng)
        add(f"{ordinal(d.day)} {EN_ABBR2[d.month - 1]} {d.year}", iso_day(d))
        d = rand_date(rng)
        h12, mm = rng.randint(1, 12), rng.randint(0, 59)
        ap = rng.choice(["a.m.", "p.m.", "am", "pm", "AM", "PM"])
        hh = h12 % 12 + (12 if ap.lower().startswith("p") else 0)
        add(f"{EN_FULL[d.month - 1]} {d.day}, {d.year} at {h12}:{mm:02d} {ap}", f"{iso_day(d)}T{hh:02d}:{mm:02d}")
        d = rand_date(rng)
        add(f"{d.year}-{d.month:02d}-{d.day:02d}", iso_day(d))
        d = rand_date(rng)
        day = rng.randint(13, 28)
        add(f"{d.month}/{day}/{d.year}", iso_day(d.replace(day=day)))
        d = rand_date(rng, year=2022, months=range(2, 11))
        add(f"{EN_FULL[d.month - 1]} {d.day}", iso_day(d), REF.isoformat(), year_inferred=True)
        d = rand_date(rng, year=rng.randint(2000, 2024))
        add(f"{EN_FULL[d.month - 1]} {d.year}", f"{d.year}-{d.month:02d}")
        d = rand_date(rng, year=2022, months=range(2, 11))
        d2 = d + dt.timedelta(days=rng.randint(1, 3))
        if d2.month == d.month:
            add(f"{EN_FULL[d.month - 1]} {d.day}-{d2.day}", f"{iso_day(d)}/{iso_day(d2)}", REF.isoformat())
        d = rand_date(rng)
        d2 = d + dt.timedelta(days=rng.randint(2, 9))
        if d2.month == d.month:
            add(f"from {EN_FULL[d.month - 1]} {d.day} to {d2.day}, {d.year}", f"{iso_day(d)}/{iso_day(d2)}")
        d = rand_date(rng)
        hh, mm, ss = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        add(f"{iso_day(d)}T{hh:02d}:{mm:02d}:{ss:02d}Z", f"{iso_day(d)}T{hh:02d}:{mm:02d}:{ss:02d}Z")
        d = rand_date(rng)
        hh, mm = rng.randint(0, 23), rng.randint(0, 59)
        add(
            f"{d.day:02d}.{d.month:02d}.{d.year} {hh:02d}:{mm:02d} (Moscow time)",
            f"{iso_day(d)}T{hh:02d}:{mm:02d}+03:00",
        )
    ref = REF.date()
    for n, word in ((2, "2"), (3, "three"), (5, "5"), (10, "ten")):
        add(f"{word} days ago", iso_day(ref - dt.timedelta(days=n)), REF.isoformat())
    add("yesterday", iso_day(ref - dt.timedelta(days=1)), REF.isoformat())
    add("the day before yesterday", iso_day(ref - dt.timedelta(days=2)), REF.isoformat())
    add("last year", str(ref.year - 1), REF.isoformat())
    add("this year", str(ref.year), REF.isoformat())
    add("last month", f"{ref.year}-{ref.month - 1:02d}", REF.isoformat())
    wk = ref.isocalendar()
    add("this week", f"{wk.year}-W{wk.week:02d}", REF.isoformat())
    add("a week ago", iso_day(ref - dt.timedelta(days=7)), REF.isoformat())
    add("two years ago", str(ref.year - 2), REF.isoformat())
    add("3 months ago", "2022-03", REF.isoformat())
    for hh, mm in ((10, 15), (9, 5)):
        add(f"today at {hh}:{mm:02d}", f"{iso_day(ref)}T{hh:02d}:{mm:02d}", REF.isoformat())
    return out


def main() -> None:
    rng = random.Random(20220106)
    for lang, cases in (("ru", ru_cases(rng)), ("en", en_cases(rng))):
        manual = HERE / f"cases_{lang}_manual.jsonl"
        lines = [json.dumps({**c, "lang": lang, "source": "generated"}, ensure_ascii=False) for c in cases]
        if manual.exists():
            lines += [ln for ln in manual.read_text(encoding="utf-8").splitlines() if ln.strip()]
        (HERE / f"cases_{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
