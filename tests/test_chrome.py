"""The chrome classifier: whole pages lose their chrome, article text keeps its prose."""

from __future__ import annotations

import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean.config import Aggressiveness
from textclean.langdata import stopwords
from textclean.passes import chrome
from textclean.passes.chrome import ChromePass, chrome_changes, classify_lines, remove_chrome
from textclean.pipeline import Pipeline

REASONS = {
    "menu",
    "link-list",
    "low-prose",
    "short-run",
    "outside-main",
    "symbols",
    "copyright",
    "repeated",
    "comment-header",
    "teasers",
}

ARTICLE = [
    "The city council voted on Tuesday to close the old bridge for repairs until the end of next year.",
    "Engineers had warned for months that the structure was no longer safe for heavy traffic, and the mayor "
    "said the decision could not wait any longer.",
    "Safety first",
    "Drivers will have to use the ring road, which adds about ten minutes to the journey into the centre.",
    "\u201cWe know this is hard for people,\u201d she said.",
    "The work is expected to cost around four million euros, most of it paid by the regional government.",
]
NAV = ["Home", "News", "Politics", "Business", "Sport", "Culture", "Weather", "Contact us"]
FOOTER = ["About us", "Careers", "Privacy Policy", "Terms of Use", "Cookie settings", "\u00a9 2024 Example Media"]
TEASERS = [
    "Most read",
    "Mayor opens new library in the north of the city",
    "Local team wins the cup after penalties",
    "Weather: storm expected this weekend",
]


def page(article: list[str] = ARTICLE) -> str:
    return "\n".join([*NAV, "", *article, "", *TEASERS, "", *FOOTER])


def kept_lines(text: str, **kw: object) -> list[str]:
    return [text[lb.start : lb.end] for lb in classify_lines(text, **kw) if lb.keep and lb.kind != "blank"]  # type: ignore[arg-type]


def test_whole_page_keeps_article_and_drops_chrome() -> None:
    assert kept_lines(page()) == ARTICLE


def test_short_lines_inside_prose_are_kept() -> None:
    kept = kept_lines(page())
    assert "Safety first" in kept
    assert "\u201cWe know this is hard for people,\u201d she said." in kept


def test_residual_article_text_is_left_alone() -> None:
    text = "\n".join(ARTICLE)
    assert remove_chrome(text) == text
    assert list(chrome_changes(text)) == []


def test_residual_with_tail_link_list() -> None:
    text = "\n".join([*ARTICLE, "https://example.com/share", "https://example.com/print"])
    assert kept_lines(text) == ARTICLE


def test_hard_wrapped_paragraph_is_one_unit() -> None:
    wrapped = (
        "The council said on Monday that the old bridge over the river\n"
        "would be closed for repairs until the end of the year, and that\n"
        "drivers should use the ring road instead."
    )
    labels = [lb for lb in classify_lines(wrapped) if lb.kind != "blank"]
    assert len({(lb.kind, lb.keep) for lb in labels}) == 1
    assert all(lb.keep for lb in labels)


def test_labels_cover_every_line_and_name_reasons() -> None:
    text = page()
    labels = classify_lines(text)
    assert len(labels) == text.count("\n") + 1
    for lb in labels:
        assert text[lb.start : lb.end] == text.split("\n")[labels.index(lb)]
        assert lb.keep == (lb.reason == "")
        if not lb.keep:
            assert lb.reason in REASONS
    assert {lb.reason for lb in labels if not lb.keep} >= {"menu"}


def test_pass_reports_rules_and_restores() -> None:
    text = page()
    result = Pipeline([ChromePass()])(text)
    assert result.restore() == text
    assert result.text.strip().split("\n") == ARTICLE
    assert {e.rule for e in result.edits} <= REASONS
    assert all(e.pass_name == "chrome" for e in result.edits)


def test_pass_is_a_picklable_value() -> None:
    p = ChromePass(lang="en", aggressiveness=Aggressiveness.AGGRESSIVE)
    assert pickle.loads(pickle.dumps(p)) == p
    assert ChromePass() != p


@pytest.mark.parametrize("level", list(Aggressiveness))
def test_every_level_keeps_the_article(level: Aggressiveness) -> None:
    kept = kept_lines(page(), aggressiveness=level)
    assert [ln for ln in ARTICLE if ln not in kept] == []


def test_explicit_language_matches_guess() -> None:
    assert classify_lines(page(), lang="en") == classify_lines(page())


def test_unknown_language_still_finds_article() -> None:
    article = [
        "政府は月曜日、来年度の予算案について、地方の財政を支えるために新しい基金を設けると発表した。",
        "関係者によると、基金の規模は約一兆円で、主に医療と教育の分野に使われる見通しだという。",
        "野党はこの計画について、財源の説明が不十分だとして国会で詳しい説明を求める方針だ。",
    ]
    text = "\n".join([*NAV, "", *article, "", *FOOTER])
    assert kept_lines(text) == article


LINE = st.one_of(
    st.sampled_from([*ARTICLE, *NAV, *FOOTER, *TEASERS, "", "|", "12:30", "https://example.com"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=80),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(LINE, max_size=40))
def test_only_removes_whole_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = Pipeline([ChromePass()])(text)
    assert result.restore() == text
    out = result.text.split("\n") if result.text else []
    # the output is the input with some lines taken out, in order
    it = iter(text.split("\n"))
    assert all(any(line == other for other in it) for line in out)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 200_000,
        "word " * 60_000,
        "\n" * 100_000,
        "1" * 200_000,
        ("The same sentence is repeated over and over again in this text.\n" * 4000),
        "Home\n" * 50_000,
    ],
    ids=["brackets", "one-long-line", "newlines", "digits", "same-sentence", "menu"],
)
def test_hostile_inputs_finish(text: str) -> None:
    result = Pipeline([ChromePass()])(text)
    assert result.restore() == text


INTROS = st.sampled_from(
    [
        "The plan includes the following measures:",
        "Residents were asked to bring the following documents:",
        "Участники встречи договорились о следующем:",
    ]
)
ITEMS = st.sampled_from(
    [
        "review the contract",
        "Review the contract and reopen the border crossing",
        "a copy of the lease signed by both parties",
        "Pay the remaining fees before the end of the month",
        "провести проверку всех договоров",
    ]
)


@settings(max_examples=40, deadline=None)
@given(INTROS, st.lists(ITEMS, min_size=1, max_size=5, unique=True), st.sampled_from(["• ", "- ", "* ", "1. ", ""]))
def test_list_introduced_by_prose_stays(intro: str, items: list[str], bullet: str) -> None:
    text = "\n".join([intro, *(f"{bullet}{item}" for item in items)])
    assert remove_chrome(text) == text


@pytest.mark.parametrize(
    "row",
    ["| Aroma | Red berries, citrus, sweet |", "| Process | Hand-picked, washed, sun-dried |"],
)
def test_table_rows_in_article_stay(row: str) -> None:
    text = "\n".join([*ARTICLE[:2], row, row.replace("Aroma", "Body"), *ARTICLE[2:]])
    assert remove_chrome(text) == text


def test_separated_menu_line_is_a_link_list() -> None:
    text = "\n".join(["Home | News | Sport | Weather | Contact", *ARTICLE])
    labels = classify_lines(text)
    assert labels[0].reason == "link-list" and not labels[0].keep


def test_headline_under_the_title_locates_the_article() -> None:
    teaser = (
        "Our customer service centre can be reached with any questions or requests by telephone or e-mail "
        "on every working day between nine in the morning and five in the afternoon, and the staff there "
        "will be glad to help you with your subscription, your delivery and any other matter you may have."
    )
    headline = "City closes the old bridge for repairs"
    text = "\n".join(
        [f"{headline} | Example News", *NAV, headline, *ARTICLE[:2], *TEASERS, *FOOTER[:4], teaser, *FOOTER[4:]]
    )
    kept = kept_lines(text)
    assert ARTICLE[0] in kept and ARTICLE[1] in kept
    assert teaser not in kept


@pytest.mark.parametrize(
    "title",
    [
        "City closes the old bridge - drivers face detours | Example News",
        "Example News | City closes the old bridge - drivers face detours",
    ],
)
def test_headline_holding_a_separator_locates_the_article(title: str) -> None:
    # the headline is the title without the site name, and has a separator of its own
    notice = (
        "We use cookies and similar technologies to store information on your device and to access it, so that "
        "we can show you personalised content, measure how our pages are used and improve the services we offer."
    )
    headline = "City closes the old bridge - drivers face detours"
    text = "\n".join(
        [title, *NAV, headline, *ARTICLE[:2], *TEASERS, *FOOTER, notice, notice.replace("We", "Our partners")]
    )
    kept = kept_lines(text)
    assert ARTICLE[0] in kept and ARTICLE[1] in kept
    assert notice not in kept


def test_a_block_of_prose_shown_twice_is_not_the_article() -> None:
    # a box of teaser paragraphs printed twice (one copy per layout) would outweigh a short article
    box = [
        "Apples are not only tasty, they are healthy as well, and they can be used in many dishes, from "
        "cakes to salads, as our guide to the fruit and its many varieties explains in detail.",
        "Vanilla is one of the most expensive spices in the world: here you can find out everything about "
        "its origin, its flavour, how it is grown and how to use it in your kitchen at home.",
        "Porridge is back on the breakfast table, and for good reasons: it keeps you full for a long time, "
        "it is cheap and quick to make, and it can be varied endlessly with fruit and nuts.",
    ]
    text = "\n".join([*NAV, *ARTICLE[:2], *TEASERS, *box, *NAV, *box, *FOOTER])
    kept = kept_lines(text)
    assert ARTICLE[0] in kept and ARTICLE[1] in kept
    assert not set(box) & set(kept)


def test_a_paragraph_repeated_as_a_teaser_stays_with_its_article() -> None:
    text = "\n".join([*NAV, ARTICLE[0], *TEASERS, *ARTICLE, *FOOTER])
    assert kept_lines(text)[-len(ARTICLE) :] == ARTICLE


@pytest.mark.parametrize(
    "dateline", ["By Jane Doe - 11/18/19 11:04 PM EST", "Updated: 18 Nov 2019, 19:11", "1 day ago"]
)
def test_a_dateline_above_the_article_is_dropped(dateline: str) -> None:
    text = "\n".join([*NAV, dateline, *ARTICLE, *TEASERS, *FOOTER])
    assert kept_lines(text) == ARTICLE


@pytest.mark.parametrize(
    ("title", "above"),
    [
        # the article's headline under the page title
        (["Council approves 2024 budget | Example News"], ["Council approves 2024 budget"]),
        # a headline: few of its words have figures
        ([], ["Council approves the 2024 budget"]),
        # a list of the article
        ([], ["Timetable:", "Mon 8:00 - 12:00", "Tue 8:00 - 12:00"]),
    ],
)
def test_figures_above_the_article_that_are_no_dateline_stay(title: list[str], above: list[str]) -> None:
    text = "\n".join([*title, *NAV, *above, *ARTICLE, *TEASERS, *FOOTER])
    kept = kept_lines(text)
    assert kept[-len(ARTICLE) :] == ARTICLE
    assert above[-1] in kept


HEADLINES = [
    "Police arrest two people after the death of a student in the city centre",
    "Customers leave a steakhouse without paying a bill of seven hundred dollars",
    "State to mail redistricting panel applications to a quarter of a million voters",
]


@pytest.mark.parametrize(("figures", "header"), [(1, True), (2, False), (0, True), (0, False)])
def test_related_headlines_after_the_article_are_teasers(figures: int, header: bool) -> None:
    # each headline may be followed by its date and its number of comments
    after = [["3 hours ago", "12"], ["November 19, 2019", "4"], ["5 hours ago", "27"]]
    block = [line for headline, lines in zip(HEADLINES, after, strict=True) for line in (headline, *lines[:figures])]
    signup = "Sign up for our newsletter and we will send you the news that matters to you every morning."
    text = "\n".join([*NAV, "", *ARTICLE, "", *(["Related stories"] if header else []), *block, signup, "", *FOOTER])
    labels = {text[lb.start : lb.end]: lb for lb in classify_lines(text)}
    assert all(labels[line].keep for line in ARTICLE)
    assert not any(labels[line].keep for line in HEADLINES)
    assert {labels[line].reason for line in HEADLINES} == {"teasers"}


def test_unterminated_list_after_article_prose_stays() -> None:
    items = ["Use the walls for storage", "Pick furniture that folds away", "Paint the room in light colours"]
    article = [*ARTICLE[:2], "Follow these tips to make the most of a small room.", *items, *ARTICLE[3:]]
    assert kept_lines(page(article)) == article


def test_list_introduced_by_prose_between_prose_stays() -> None:
    intro = "For me, the steps from the easiest task to the hardest one used to look like this, in three groups:"
    items = ["NOT SCARY", "Writing a post", "Sending a letter", "VERY SCARY", "Giving a talk", "Hosting a show"]
    article = [*ARTICLE[:2], intro, *items, *ARTICLE[3:]]
    assert kept_lines(page(article)) == article


def test_lines_ending_in_a_cjk_comma_continue_the_sentence() -> None:
    text = "\n".join(
        [
            "見出し",
            "また、その他にも、",
            "商品を小分けにして販売するような行為は、",
            "商標権侵害と判断される場合があります。",
            "終わり",
        ]
    )
    unit = chrome._units(text, frozenset())
    assert list(zip(unit.firsts, unit.lasts, strict=True)) == [(0, 0), (1, 3), (4, 4)]


# Lines that exercise every path of the labelling: long prose (labelled lazily when the
# text is no whole page), prose of 50-80 characters (which may repeat), list
# introductions and items, links, separators and copyright lines.
MIXED_LINE = st.one_of(
    LINE,
    st.sampled_from(
        [
            "The council met again on Monday to discuss the new plan.",
            "Officers said the road would stay closed for most of the week:",
            "- the bridge over the river and the roads leading to it",
            "1. Review the contract and reopen the border crossing",
            "Home | News | Sport",
            "Read the full report at https://example.com/report and www.example.org",
            "\u00a9 2024 Example Media. All rights reserved.",
            "Jane on May 3, 2019 at 4:47 pm said:",
            "Городской совет в понедельник решил закрыть старый мост на ремонт до конца следующего года.",
            "snake_case_words are not words of any language at all, and this line has no full stop",
        ]
    ),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(MIXED_LINE, max_size=40), st.sampled_from(list(Aggressiveness)))
def test_changes_agree_with_line_labels(lines: list[str], level: Aggressiveness) -> None:
    # chrome_changes labels lazily (only the units its decision needs), classify_lines labels every unit
    text = "\n".join(lines)
    labels = classify_lines(text, aggressiveness=level)
    kept = "\n".join(text[lb.start : lb.end] for lb in labels if lb.keep)
    assert remove_chrome(text, aggressiveness=level) == kept


def test_link_between_prose_of_residual_text_stays() -> None:
    # only chrome before the first prose and after the last goes from text that is no whole page
    text = "\n".join([*ARTICLE[:2], "https://example.com/share", *ARTICLE[2:], "https://example.com/print"])
    assert remove_chrome(text) == "\n".join([*ARTICLE[:2], "https://example.com/share", *ARTICLE[2:]])


LISTINGS = [
    "SEE the Northern Regional Horse Show, Oct. 11-21, in Harrisburg, PA. The Grand Prix, Medal Finals, "
    "Family Fun Day (Oct. 13) and Trade Fair; Tickets $25.",
    "Jazz Festival Weekend, June 3-5, Riverside Park, Springfield. Main Stage: Miles Band, Ella Quartet, "
    "Monk Trio. Free entry; Parking $10.",
]


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_sentences_dense_in_names_stay_between_prose(listing: str) -> None:
    article = [*ARTICLE[:2], listing, *ARTICLE[2:]]
    labels = [lb for lb in classify_lines(page(article)) if lb.kind != "blank"]
    (label,) = [lb for lb in labels if page(article)[lb.start : lb.end] == listing]
    assert label.stop_density < 0.18
    assert label.keep
    assert kept_lines(page(article)) == article


def test_one_sentence_of_names_is_no_listing() -> None:
    names = (
        "Anna Berg of the Ice Club, Carl Dahl, Eva Fisk, Gus Holm, Ida Jung, Karl Lund, Mia Nord, Olle Pihl "
        "and Rut Qvist, Sven Tor, Ulf Vik."
    )
    (label,) = [lb for lb in classify_lines(names, lang="en") if lb.kind != "blank"]
    assert 0.1 < label.stop_density < 0.18
    assert label.kind == "bad"


SPECS = st.lists(
    st.sampled_from(["two floors", "pine wood", "steel mesh", "felt roof", "with ramp", "removable tray"]),
    min_size=3,
    max_size=6,
    unique=True,
)


@settings(max_examples=30, deadline=None)
@given(SPECS, st.sampled_from(["- ", "• ", "* "]), st.sampled_from(["Details:", ARTICLE[0]]))
def test_bullet_items_after_prose_or_introduction_stay(items: list[str], bullet: str, lead: str) -> None:
    text = "\n".join([ARTICLE[1], lead, *(f"{bullet}{item}" for item in items)])
    assert remove_chrome(text) == text


@settings(max_examples=30, deadline=None)
@given(SPECS, st.sampled_from(["- ", "• ", "* "]))
def test_bullet_items_without_prose_before_them_are_a_menu(items: list[str], bullet: str) -> None:
    text = "\n".join([*(f"{bullet}{item}" for item in items), *ARTICLE])
    labels = [lb for lb in classify_lines(text) if lb.kind != "blank"]
    assert [lb.kind for lb in labels[: len(items)]] == ["bad"] * len(items)


def _mark_every_line(text: str, groups: object, found: set[str]) -> tuple[str, ...]:
    # every line "holds a needle": each unit takes the general labelling with all tests
    found.update(line.strip() for line in text.split("\n"))
    return (" | ", " / ", "://", "www.", "@", "©", "(c", "(C", "eserved")


@settings(max_examples=80, deadline=None)
@given(st.lists(MIXED_LINE, max_size=40), st.sampled_from(list(Aggressiveness)))
def test_units_without_needles_are_labelled_as_by_all_tests(lines: list[str], level: Aggressiveness) -> None:
    text = "\n".join(lines)
    fast = classify_lines(text, aggressiveness=level)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(chrome, "_needle_lines", _mark_every_line)
        general = classify_lines(text, aggressiveness=level)
    assert fast == general


def _smooth_reference(kinds: list[str]) -> list[str]:
    """jusText smoothing, unit by unit, from the nearest labelled neighbours."""

    def nearest(seq: list[str], i: int, step: int, wanted: tuple[str, ...]) -> str:
        j = i + step
        while 0 <= j < len(seq):
            if seq[j] in wanted:
                return seq[j]
            j += step
        return "bad"

    out = list(kinds)
    for i, kind in enumerate(kinds):
        if kind in ("short", "list"):
            prev, nxt = nearest(kinds, i, -1, ("good", "bad")), nearest(kinds, i, 1, ("good", "bad"))
            if prev == nxt:
                out[i] = prev
            elif (
                kind == "list"
                or (prev == "bad" and nearest(kinds, i, -1, ("good", "bad", "neargood")) == "neargood")
                or (nxt == "bad" and nearest(kinds, i, 1, ("good", "bad", "neargood")) == "neargood")
            ):
                out[i] = "good"
            else:
                out[i] = "bad"
    final = list(out)
    for i, kind in enumerate(out):
        if kind == "neargood":
            both_bad = nearest(out, i, -1, ("good", "bad")) == nearest(out, i, 1, ("good", "bad")) == "bad"
            final[i] = "bad" if both_bad else "good"
    return final


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "neargood", "short", "list"]), max_size=30))
def test_smoothing_runs_match_unit_by_unit_smoothing(kinds: list[str]) -> None:
    assert chrome._smooth(kinds) == _smooth_reference(kinds)


VOCABULARY = [
    *("the", "of", "and", "it's", "river", "Bridge", "council", "2024", "News", "said", "und", "die", "Brücke"),
    *("что", "\u2014", "|", "/", "https://x.org", "©", "(c)", "reserved", "a_b", "\u201cquoted\u201d", "\u4e00\u4e8c"),
]


def vocabulary_units(seed: int, count: int) -> list[str]:
    """Units of words of every length and stop-word density, with bullets, links, separators, endings."""
    rng = random.Random(seed)
    units = []
    for _ in range(count):
        size = rng.choice([rng.randint(1, 12), rng.randint(12, 90)])
        words = " ".join(rng.choice(VOCABULARY) for _ in range(size))
        units.append(
            rng.choice(["", "", "- ", "1. ", "\u2022 ", "< ", "|"]) + words + rng.choice(["", ".", ":", "!", "|"])
        )
    return units


@pytest.mark.parametrize("lang", ["en", "de", "ru", None])
@pytest.mark.parametrize("seed", range(8))
def test_unit_labels_without_needles_match_all_tests(seed: int, lang: str | None) -> None:
    units = vocabulary_units(seed, 120)
    # the units alone (each line its own unit) and joined into pages (hard-wrapped paragraphs join)
    for text in ("\n".join(units), "\n".join(units[:60]) + "\n\n" + "\n".join(u.lower() for u in units[60:])):
        stops = stopwords(lang) if lang else frozenset()
        page = chrome._units(text, stops)
        th = chrome.Thresholds()
        fast = chrome._labeller(text, page, lang=lang, scale=1.0, th=th, cjk_doc=False)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(chrome, "_needle_lines", _mark_every_line)
            general = chrome._labeller(text, page, lang=lang, scale=1.0, th=th, cjk_doc=False)
        for unit in page.texts:
            for lazy in (False, True):
                assert fast(unit, lazy) == general(unit, lazy), unit


SECTIONS = [
    "World", "Europe", "Africa", "Asia", "Americas", "Economy", "Markets", "Companies", "Technology", "Science",
    "Health", "Education", "Travel", "Food", "Music", "Film", "Books", "Theatre", "Football", "Tennis",
    "Cycling", "Motoring", "Podcasts", "Video", "Puzzles",
]  # fmt: skip


@pytest.mark.parametrize(
    "lead",
    [
        "Will the old bridge ever be repaired? Readers ask the council what happens next?",
        "This website uses cookies and JavaScript, which must be enabled in your browser to use it.",
    ],
)
def test_long_menus_around_the_article_go_when_prose_leads_the_page(lead: str) -> None:
    # prose first hides the menus' "before": the chrome on both sides of the article still marks a whole page
    text = "\n".join([lead, *SECTIONS, "", *ARTICLE, "", *reversed(SECTIONS), *FOOTER])
    kept = kept_lines(text)
    assert all(line in kept for line in ARTICLE)
    assert not set(SECTIONS) & set(kept)


def test_short_chrome_blocks_stay_when_prose_leads_the_page() -> None:
    lead = "Will the old bridge ever be repaired? Readers ask the council what happens next?"
    text = "\n".join([lead, *SECTIONS, "", *ARTICLE[:3], *NAV[:4], *ARTICLE[3:], "", *reversed(SECTIONS)])
    kept = kept_lines(text)
    assert all(line in kept for line in [*ARTICLE, *NAV[:4]])
    assert not set(SECTIONS) & set(kept)


SUMMARIES = [
    ("Mayor opens new library in the north", "The building has room for forty thousand books and a café."),
    ("Local team wins the cup after penalties", "Their goalkeeper saved three shots in a row to seal it."),
    ("Storm expected to reach the coast tonight", "Forecasters warn of gusts of up to a hundred kilometres an hour."),
    ("Schools to stay open during the summer", "Parents welcomed the plan, but teachers say they were not asked."),
]


def test_headlines_with_summaries_after_the_article_are_teasers() -> None:
    teasers = [line for pair in SUMMARIES for line in pair]
    text = "\n".join([*NAV, "", *ARTICLE, "", "Most read", *teasers, "", *FOOTER])
    kept = kept_lines(text)
    assert all(line in kept for line in ARTICLE)
    assert not set(teasers) & set(kept)


def test_a_few_subheadings_with_short_paragraphs_stay() -> None:
    sections = [line for pair in SUMMARIES[: len(SUMMARIES) - 1] for line in pair]
    article = [*ARTICLE[:2], *sections, *ARTICLE[2:]]
    assert kept_lines(page(article)) == article


CAPTIONS = [
    "Workers repair the bridge in the city centre on Tuesday, March 3, 2020. REUTERS/Jane Roe",
    "The mayor speaks to reporters outside the town hall, Monday, March 2, 2020. (AP Photo/John Doe)",
    "Die Brücke in der Innenstadt ist seit Montag gesperrt. Foto: Erika Muster/dpa",
]
CREDIT_PROSE = [
    "Support for the repairs fell to 38 percent, the survey showed. Reuters/Ipsos polled adults.",
    "The council published the plans on Monday. Credit: the engineers were not named.",
]


def test_whole_page_loses_captions_ending_in_a_credit_but_not_prose_naming_one() -> None:
    article = [*ARTICLE[:2], CAPTIONS[0], *ARTICLE[2:4], CAPTIONS[1], CREDIT_PROSE[0], *ARTICLE[4:], *CREDIT_PROSE[1:]]
    text = "\n".join([*NAV, "", *article, CAPTIONS[2], "", *TEASERS, "", *FOOTER])
    kept = textclean.clean(text).text.split("\n")
    assert all(line in kept for line in [*ARTICLE, *CREDIT_PROSE])
    assert not set(CAPTIONS) & set(kept)


STEPS = [
    "Heat the oven to 180 degrees and grease the bottom of a round tin with a little butter before you start.",
    "Mix the flour with the sugar and the eggs, then stir in the melted butter until the batter is smooth and "
    "glossy, and pour it into the tin.",
    "Bake the cake for about forty minutes, until a skewer pushed into the middle comes out clean, and let it cool.",
]
NOTES = [
    "The cake keeps well for two or three days when it is wrapped and stored in a cool place away from the sun.",
    "You can use frozen fruit instead of fresh, but let it thaw and drain it first so that the sponge does not "
    "get soggy.",
    "If your oven runs hot, lower the heat a little and check the cake ten minutes before the end of the time.",
]
# nutrition facts: labels and figures, the same figure in several cells (a repeated line)
FACTS = [
    *("Calories", "390", "Total Fat", "16g", "Trans Fat", "0g", "Sodium", "310mg", "Dietary Fiber", "0g"),
    *("Sugars", "45g", "Protein", "2g", "Vitamin D", "0g", "Iron", "6%"),
]
SHOP = ["Cakes", "Cookies", "Breads", "Desserts", "Drinks", "Gifts", "Holidays", "Videos", "Shop", "Newsletter"]


@pytest.mark.parametrize("order", ["steps first", "notes first"])
def test_prose_beyond_a_table_of_figures_stays_with_the_article(order: str) -> None:
    # a recipe's steps and its notes parted by nutrition facts: both runs of prose are the article
    first, second = (STEPS, NOTES) if order == "steps first" else (NOTES, STEPS)
    text = "\n".join([*NAV, "", *first, "", *FACTS, "", *second, "", *TEASERS, "", *FOOTER])
    kept = kept_lines(text)
    assert all(line in kept for line in [*STEPS, *NOTES])
    assert not set(NAV) & set(kept)
    assert not set(FOOTER) & set(kept)


def test_prose_beyond_a_menu_stays_out_of_the_article() -> None:
    # a menu is no table of figures: a run of prose beyond it is not joined to the article
    text = "\n".join([*NAV, "", *ARTICLE, "", *SHOP, "", *NOTES, "", *FOOTER])
    kept = kept_lines(text)
    assert all(line in kept for line in ARTICLE)
    assert not set(NOTES) & set(kept)


def test_site_name_on_the_page_is_no_headline() -> None:
    # the title's site name recurs as the logo line; the longer headline part is the one that locates the article
    site = "Example Media Group Blog"
    headline = "City closes the old bridge for repairs"
    sidebar = [
        f"{site} is written by a team of reporters who cover the city council, its budget and the services "
        "it runs, and who have done so since the paper was founded more than forty years ago.",
        "Support our work by taking out a subscription, which gives you every story and the weekly newsletter "
        "that we send to our readers on each Friday morning before the markets open.",
    ]
    text = "\n".join([f"{headline} – {site}", site, *sidebar, *NAV, headline, *ARTICLE[:2], *FOOTER])
    texts = text.split("\n")
    assert chrome._headline(texts) == texts.index(headline)
    kept = kept_lines(text)
    assert ARTICLE[0] in kept and ARTICLE[1] in kept
    assert sidebar[0] not in kept


def test_a_long_headline_locates_a_short_article_under_many_teasers() -> None:
    # teasers that read as prose (headline and summary on one line) outscore the short article under its headline
    teasers = [
        f"Council {topic} plan approved The council approved the plan on Monday after a debate that lasted "
        f"well into the night, and the work on the {topic} will start in the spring of next year."
        for topic in ("bridge", "library", "harbour", "school", "hospital", "tram", "park", "museum")
    ]
    headline = "Health officials report a sixth death linked to the mosquito virus"
    article = [
        "Health officials said on Monday that a sixth person had died of the virus this year.",
        "The death occurred on Saturday, and the victim had been in hospital for a week.",
    ]
    text = "\n".join([f"{headline} - Example News", *NAV, *teasers, *NAV[:4], headline, *article, *FOOTER])
    kept = kept_lines(text)
    assert all(line in kept for line in article)
    assert not any(line in kept for line in teasers)


def test_code_lines_between_prose_stay() -> None:
    # lines of code are no menu: dotted names, calls and operators mark them
    code = ["player.setav speedmult 125", "player.setav stamina 300", "config.load()", "x == y"]
    assert all(chrome._CODE.search(line) for line in code)
    assert not any(chrome._CODE.search(line) for line in ["example.com", "Home", "{{category.text}}", "Mr. Smith"])
    text = "\n".join([*NAV, "", ARTICLE[0], "", *code, "", *ARTICLE[1:], "", *FOOTER])
    kept = kept_lines(text)
    assert all(line in kept for line in code)


def test_a_dated_credit_right_under_the_article_stays_on_a_whole_page() -> None:
    credit = "© 2019 Associated Press. All rights reserved."
    text = "\n".join([*NAV, "", *ARTICLE, credit, "", *TEASERS, "", *FOOTER])
    kept = kept_lines(text)
    assert credit in kept and ARTICLE[-1] in kept
    assert FOOTER[-1] not in kept  # the site's own line under the footer still goes
