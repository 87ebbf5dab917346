"""Header lifting: values move into metadata, prose and title stay."""

from __future__ import annotations

import pytest

from textclean.passes import metadata as md
from textclean.passes.metadata import HeaderMetadata, lift_header


def test_labelled_dates_and_title() -> None:
    text = (
        "Posted 12 января 2022,, 08:30\nUpdated 24 декабря 2022,, 22:37\nBig title\n"
        "The council met on Monday and voted for the plan."
    )
    kept, meta = lift_header(text)
    assert kept == "Big title\nThe council met on Monday and voted for the plan."
    assert meta["title"] == "Big title"
    assert meta["published"].startswith("2022-01-12")
    assert meta["modified"].startswith("2022-12-24")


def test_raw_string_without_dates_module(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(md, "_dates_api", lambda: None)
    _, meta = lift_header("Published: March 3, 2023\nTitle\nProse sentence that is long enough to count as prose here.")
    assert meta["published"] == "March 3, 2023"


def test_header_zone_ends_at_first_paragraph() -> None:
    text = "Title line\nThe first paragraph is prose and it ends with a full stop here.\nViews: 12\nIvan Petrov."
    kept, meta = lift_header(text)
    assert kept == text
    assert "views" not in meta and "author" not in meta


def test_labelled_date_after_a_dek_is_still_lifted() -> None:
    text = (
        "Title\nA one-sentence summary of the story that reads like a paragraph of prose.\n"
        "- Published 18 November 2019\nBody."
    )
    kept, meta = lift_header(text)
    assert "Published" not in kept
    assert meta["published"].startswith("2019-11-18")


def test_byline_place_views_tags() -> None:
    text = (
        "Title of the piece\nBy Jane Doe\n06.01.2022 13:15\n(Moscow time), Moscow\nПросмотров: 1 204\n"
        "Politics, Economy, Central Asia\nFirst paragraph of the article body, which is plain prose."
    )
    kept, meta = lift_header(text)
    assert kept == "Title of the piece\nFirst paragraph of the article body, which is plain prose."
    assert meta["author"] == "Jane Doe"
    assert meta["place"] == "Moscow"
    assert meta["views"] == 1204
    assert meta["tags"] == ["Politics", "Economy", "Central Asia"]
    assert meta["dateline"].startswith("2022-01-06")


@pytest.mark.parametrize(
    "line",
    [
        "Posted in 2019, the video drew millions of views",
        "| 10.000 € | 36 Monate | 2,0 % |",
        "Updated guidance, new rules",
    ],
)
def test_not_header_lines(line: str) -> None:
    text = f"Title\n{line}\nProse follows here and it is a long sentence with a period."
    kept, _ = lift_header(text)
    assert line in kept


def test_title_is_never_removed() -> None:
    text = "Ainur Kurmanov.\nThe piece starts here and it is a long sentence with a period."
    kept, meta = lift_header(text)
    assert kept == text and meta["title"] == "Ainur Kurmanov."


def test_pass_fills_result_metadata() -> None:
    result = HeaderMetadata()("Title\nViews: 5\nBody text that is long enough to be prose, with a period.")
    assert result.metadata["views"] == 5
    assert [e.rule for e in result.edits] == ["common.header-views"]
    assert result.restore().startswith("Title\nViews: 5")


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("By Tom Nowak and Laura Brown", "author"),
        ("By Maria Sokolov, Staff Writer", "author"),
        ("Written by Maria Fischer", "author"),
        ("Сергей Фёдоров, корреспондент", "author"),
        ("Posted on May 29, 2004 by Claire Novak", "published"),
        ("Опубликовано 23 нояб. 2001, 05:41 | Обновлено 9 февр. 2005, 15:15", "published"),
        ("Last updated 28th February 2005", "modified"),
        ("Published: 2005-12-30T16:27", "published"),
    ],
)
def test_header_line_shapes(line: str, key: str) -> None:
    kept, meta = lift_header(f"{line}\n\nThe council met on Monday and voted for the plan after a long debate.")
    assert kept.lstrip().startswith("The council") and key in meta


def test_residue_in_the_header_is_looked_through() -> None:
    text = (
        "Share\n\nWe use cookies to improve your experience on our website.\n\n"
        "By Anna Smith\n\nThe council approved the plan."
    )
    kept, meta = lift_header(text)
    assert "By Anna Smith" not in kept and meta["author"] == "Anna Smith"
    assert "title" not in meta or meta["title"] != "Share"


def test_bare_name_needs_a_date_below() -> None:
    kept, meta = lift_header("Ирина Орлова\n12 марта 2020\nВласти одобрили план и объявили о новых мерах поддержки.")
    assert meta["author"] == "Ирина Орлова" and kept.startswith("Власти")
    kept, meta = lift_header("Ирина Орлова\nВласти одобрили план и объявили о новых мерах поддержки.")
    assert kept.startswith("Ирина Орлова")


def test_a_line_of_inline_markers_is_not_the_title() -> None:
    _, meta = lift_header("[ad_1]\nBridge opens after four years\nPosted January 5, 2022\nThe city opened the bridge.")
    assert meta["title"] == "Bridge opens after four years"


@pytest.mark.parametrize(
    ("furniture", "headline", "byline"),
    [
        (
            ["World", "Business", "Tech"],
            "City council approves new budget for road repairs",
            "By Jane Miller, Staff Writer",
        ),
        (["Главная / Новости / Общество"], "В Подмосковье открыли новую школу на 1100 мест", "Текст: Мария Сидорова"),
        (["Новости", "Политика", "Спорт"], "В Новосибирске запустят новый маршрут трамвая", "Автор: Иван Петров"),
    ],
)
def test_title_passes_over_section_names_and_breadcrumbs(furniture: list[str], headline: str, byline: str) -> None:
    body = "The council voted on Monday night to approve the plan, the largest such investment in a decade."
    text = "\n".join([*furniture, headline, byline, "06.01.2022 13:15", body])
    _, meta = lift_header(text)
    assert meta["title"] == headline
    assert meta["published"] == "2022-01-06T13:15"


def test_title_is_the_first_line_when_it_reads_as_a_headline() -> None:
    text = "Two-word Title\nSection name here\nBy Jane Miller\n06.01.2022 13:15\nThe council met on Monday and voted."
    assert lift_header(text)[1]["title"] == "Two-word Title"
