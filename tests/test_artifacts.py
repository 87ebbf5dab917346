"""The artifacts and widgets passes: behaviour, properties and hostile input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean.config import Aggressiveness
from textclean.passes.artifacts import Artifacts, artifact_changes, clean_artifacts
from textclean.passes.widgets import Widgets, is_day_row, is_share_bar, is_weekday_header, structural_removals
from textclean.pipeline import Pipeline

GOLDEN = Path(__file__).resolve().parent / "golden"
PROSE = [json.loads(line)["text"] for line in (GOLDEN / "negative.jsonl").read_text(encoding="utf-8").splitlines()]
PROSE_LINES = sorted({line for text in PROSE for line in text.split("\n") if len(line) > 30})
RESIDUE = [
    "Advertisement",
    "[ad_1]",
    "Source link",
    "Read more: Something happened somewhere",
    "Читайте также",
    "Подписаться",
    "Поделиться:",
    "Facebook Twitter WhatsApp",
    "Views: 123",
    "Просмотров: 5",
    "2 min read",
    "Фото: ТАСС",
    "© Getty Images",
    "Loading comments...",
    "наверх",
    "16+",
    ",,",
    "If you find an error, please select a piece of text and press Ctrl + Enter.",
]


def test_line_is_not_removed_for_containing_a_word() -> None:
    text = "Advertisement spending fell.\nComments from the mayor drew criticism.\nПодписаться на услугу можно в банке."
    assert clean_artifacts(text) == text


def test_list_heading_takes_headlines_under_it() -> None:
    text = (
        "Prose sentence one is here.\nMost read\n- First headline\n- Second headline\n"
        "The article goes on here with more prose."
    )
    out = clean_artifacts(text)
    assert "headline" not in out and "Most read" not in out
    assert "The article goes on here" in out


def test_list_heading_spares_a_single_subheading() -> None:
    text = (
        "Prose sentence one is here.\nRelated stories\nNISSAN SENTRA\n"
        "Nissan is hoping a sleek redesign of the Sentra will pull in more buyers."
    )
    out = clean_artifacts(text)
    assert "NISSAN SENTRA" in out and "Related stories" not in out


def test_comment_block_only_in_the_tail() -> None:
    head = "Comments\nThe first paragraph of the article is long enough to matter here.\n"
    body = "More prose follows in this article, sentence after sentence.\n" * 5
    out = clean_artifacts(head + body)
    assert out.startswith("The first paragraph")
    tail = body + "Comments\nAnna: great read!\nBob: I disagree."
    assert "Anna" not in clean_artifacts(tail)
    assert "Anna" in clean_artifacts(tail, aggressiveness="conservative")


def test_orphans_between_removed_lines() -> None:
    text = (
        "Prose stays here, a full sentence of it.\nSubscribe to our news on Telegram\nThank you!\n"
        "Now the editors are aware."
    )
    assert clean_artifacts(text).strip() == "Prose stays here, a full sentence of it."
    assert "Thank you!" in clean_artifacts(text, aggressiveness=Aggressiveness.CONSERVATIVE)


def test_inline_marker_keeps_the_rest_of_the_line() -> None:
    assert clean_artifacts("Rates rose. [ad_3] Analysts agreed.") == "Rates rose.  Analysts agreed."


def test_edits_name_rules() -> None:
    result = Pipeline([Artifacts()])("Prose line that stays.\nSource link")
    assert [e.rule for e in result.edits] == ["en.source-link"]
    assert result.restore() == "Prose line that stays.\nSource link"


def test_languages_validated() -> None:
    with pytest.raises(ValueError, match="no rules"):
        Artifacts(languages=("xx",))
    assert Artifacts(languages="ru").languages == ("ru",)


def test_widgets_pass_and_detectors() -> None:
    assert is_day_row("13141516171819") and not is_day_row("1999")
    assert is_weekday_header("Пн Вт Ср Чт Пт Сб Вс")
    assert is_share_bar("Share Facebook Twitter")
    cal = "Prose.\nApril 2024\nSu Mo Tu We Th Fr Sa\n1 2 3 4 5 6\n7 8 9 10 11 12 13\n"
    assert Widgets()(cal).text.strip() == "Prose."


def test_year_lists_are_not_calendars() -> None:
    text = "Results by year:\n2019\n2020\n2021\n2022"
    assert structural_removals(text) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PROSE_LINES), st.sampled_from(RESIDUE)), min_size=1, max_size=25))
def test_prose_survives_residue_goes(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = Pipeline([Artifacts()])(text)
    assert result.restore() == text
    kept = result.text.split("\n")
    for line in lines:
        if line in PROSE_LINES:
            assert line in kept
    # nothing is added: every output line is an input line (or an input line with markers removed)
    assert all(not line or line in lines or "[ad_" in text for line in kept)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab [ad_1]\n:.,-•«»0123456789ПнВт"), max_size=300))
def test_restore_and_only_removals_on_random_text(text: str) -> None:
    changes = list(artifact_changes(text, aggressiveness="aggressive"))
    assert all(c.replacement == "" for c in changes)
    result = Pipeline([Artifacts(aggressiveness="aggressive")])(text)
    assert result.restore() == text


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1_000_000,
        "[ad_" * 250_000,
        "a" * 1_000_000,
        "Comments\n" * 100_000,
        "x\n" * 500_000,
        "1234567891011121314151617181920\n" * 30_000,
        ("May 2024\nMon Tues Wed\n12345\n" * 20_000),
        "Read more: " + "a " * 500_000,
        ("The same sentence again and again. " * 16_000),
    ],
    ids=[
        "brackets",
        "ad-prefix",
        "one-line",
        "comments",
        "many-lines",
        "digits",
        "calendars",
        "long-read-more",
        "same-sentence",
    ],
)
def test_hostile_input_finishes(text: str) -> None:
    # linear-time patterns and length guards: these must simply finish (speed is measured in benchmarks)
    out = clean_artifacts(text, aggressiveness="aggressive")
    assert len(out) <= len(text)


def test_buttons_go_only_next_to_removed_lines() -> None:
    text = (
        "Prose stays here, a sentence.\nWe use cookies to improve your experience on our website.\n"
        "Accept all\nManage preferences\n\nMore prose."
    )
    out = clean_artifacts(text)
    assert "Accept all" not in out and "Manage preferences" not in out and "More prose." in out
    alone = "Prose stays here, a sentence.\nAccept all\n\nMore prose."
    assert clean_artifacts(alone) == alone


def test_calendar_layouts() -> None:
    one_a_line = "Prose.\nЯнварь 2015\nПн Вт Ср Чт Пт Сб Вс\n" + "\n".join(str(d) for d in range(1, 32)) + "\nProse."
    assert clean_artifacts(one_a_line).split() == ["Prose.", "Prose."]
    table = (
        "Prose.\n| Su | Mo | Tu | We | Th | Fr | Sa |\n|   |   |   |   |   | 1 | 2 |\n| 3 | 4 | 5 | 6 | 7 | 8 | 9 |\n"
    )
    table += "| 10 | 11 | 12 | 13 | 14 | 15 | 16 |\n< November   Next\nProse."
    assert clean_artifacts(table).split() == ["Prose.", "Prose."]
    numbered = "Steps:\n1\n2\n3\nProse."
    assert clean_artifacts(numbered) == numbered


def test_lone_network_names_only_in_runs() -> None:
    run = "Prose.\nTelegram\nWhatsApp\n\nViber\nProse."
    assert clean_artifacts(run).split() == ["Prose.", "Prose."]
    single = "Prose.\nTelegram\nProse goes on."
    assert clean_artifacts(single) == single


def test_comment_heading_early_needs_a_thread_below() -> None:
    body = "An article paragraph that is long enough to count as prose here.\n" * 8
    thread = (
        "Comments\nAny update on the report?\nHi Milan,\nWe have not reviewed it yet.\nHi Alex,\nThanks for asking.\n"
    )
    out = clean_artifacts("Opening paragraph.\n" + thread + body)
    assert "Hi Milan" not in out and out.startswith("Opening paragraph.")
    plain = "Opening paragraph.\nComments\n" + body
    assert "An article paragraph" in clean_artifacts(plain)


def test_read_also_heading_takes_its_headlines() -> None:
    text = "Prose.\n\nЧитайте также\nВласти Омска пообещали снизить тарифы\nМэр одобрил план\n\nПроза дальше."
    out = clean_artifacts(text)
    assert "Мэр" not in out and "Читайте" not in out and "Проза дальше." in out
    dialogue = "Prose.\n\nЧитайте также\n— Вы ожидали такого?\n— Нет, никто не ожидал."
    assert "никто не ожидал" in clean_artifacts(dialogue)


def test_superscript_digits_do_not_crash() -> None:
    assert clean_artifacts("Prose.\n¹²³\n¹\nProse.")


_PROSE = "The council will vote on the plan in June, after a month of public hearings, officials said on Monday."
_HEADLINES = [
    "- Mayor Outlines Budget Plan",
    "City Hall Reopens After Repairs",
    "Пять фактов о новом парке",
    "11 Facts About the Vote",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_HEADLINES), min_size=3, max_size=10), st.booleans())
def test_tail_link_run_after_prose_goes(items: list[str], blank: bool) -> None:
    text = _PROSE + ("\n\n" if blank else "\n") + "\n".join(items)
    assert clean_artifacts(text, aggressiveness="aggressive").strip() == _PROSE


@pytest.mark.parametrize(
    "ending",
    [
        "Key points of the new law\n- Taxes rise by five percent\n- Pensions are frozen until 2026\n"
        "- Fuel subsidies end in March",
        "What the law changes\nTaxes rise by five percent for large firms\n"
        "Pensions are frozen until the next election\nFuel subsidies end in March for most drivers",
    ],
)
def test_an_article_closing_list_stays_by_default(ending: str) -> None:
    text = "The minister said the changes would take effect next year, after a vote in parliament.\n\n" + ending
    assert textclean.clean(text).text == text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_HEADLINES), min_size=1, max_size=12))
def test_tail_link_run_needs_prose_three_items_and_no_colon(items: list[str]) -> None:
    # two items, a colon-introduced list, more than ten items or no prose before: all kept
    for text in (
        _PROSE + "\n" + "\n".join(items[:2]),
        _PROSE[:-1] + ":\n" + "\n".join(items),
        _PROSE + "\n" + "\n".join(items * 11)[: 10**4],
        "\n".join(items),
    ):
        assert clean_artifacts(text) == text


@pytest.mark.parametrize(
    "credit",
    ["© 2019 Associated Press. All rights reserved.", "Copyright 2021 Example News Now. All rights reserved."],
)
def test_a_dated_credit_under_the_last_paragraph_stays(credit: str) -> None:
    # a wire story ends in its agency's line; the same line under chrome, or a long reprint notice, goes
    paragraph = (
        "Health officials said the risk from the virus continues because there has not been a sustained "
        "period of freezing temperatures."
    )
    assert credit in clean_artifacts(f"{paragraph}\n\n{credit}\n")
    assert credit not in clean_artifacts(f"{paragraph}\n\nContact us\nAdvertise\n\n{credit}\n")
    assert credit not in clean_artifacts(f"Short line.\n\n{credit}\n")
    notice = f"{credit} This article is the property of Example News and may not be reprinted in print or online media."
    assert len(notice) > 140
    assert notice not in clean_artifacts(f"{paragraph}\n\n{notice}\n")
    undated = credit.replace(" 2019", "").replace(" 2021", "")
    assert undated not in clean_artifacts(f"{paragraph}\n\n{undated}\n")
