"""The seed articles: every expression the brief lists is found with the right value, none spurious.

The first line ` date YYYY-MM-DD` of a seed is a header, not body text; seeds without one were
published on 2017-04-19 (a Wednesday).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.temporal import tag

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _body(name: str) -> tuple[str, str]:
    text = (SEEDS / name).read_text(encoding="utf-8")
    if text.startswith(" date "):
        dct, body = text[6:16], text[17:]
        return body, dct
    return text, "2017-04-19"


def _found(name: str) -> list[tuple[str, str]]:
    body, dct = _body(name)
    return [(t.text, t.value) for t in tag(body, dct)]


EXPECTED = {
    "000_9284c882ea1cbeed.txt": [
        ("Wednesday", "2017-04-19"),
        ("Tuesday", "2017-04-18"),
        ("Wednesday", "2017-04-19"),
        ("June", "2017-06"),
        ("Tuesday", "2017-04-18"),
        ("now", "PRESENT_REF"),
        ("now", "PRESENT_REF"),
        ("June 20th", "2017-06-20"),
        ("now", "PRESENT_REF"),
        ("now", "PRESENT_REF"),
        ("June 20th", "2017-06-20"),
        ("April 19, 2017", "2017-04-19"),
        ("June", "2017-06"),
        ("45-second", "PT45S"),
        ("several days", "PXD"),
    ],
    "002_1f82d5a64f6f6c40.txt": [
        ("Tuesday", "2017-04-18"),
        ("first months", "PXM"),
        ("Tuesday", "2017-04-18"),
        ("decades", "PXDE"),
        ("recently", "PAST_REF"),
        ("Tuesday", "2017-04-18"),
        ("June", "2017-06"),
        ("first few months", "PXM"),
        ("first weeks", "PXW"),
        ("Tuesday", "2017-04-18"),
        ("2018", "2018"),
        ("next year", "2018"),
        ("Last week", "2017-W15"),
        ("Friday", "2017-04-21"),
        ("2018", "2018"),
        ("Wednesday", "2017-04-19"),
        ("The next night", "2017-04-20"),
        ("Saturday", "2017-04-22"),
    ],
    "003_447944319bd48973.txt": [
        ("Tuesday", "2017-04-18"),
        ("now", "PRESENT_REF"),
        ("June 20", "2017-06-20"),
        ("April 19, 2017", "2017-04-19"),
        ("now", "PRESENT_REF"),
        ("June", "2017-06"),
        ("November", "2016-11"),
        ("recent days", "PXD"),
        # Quoted tweets posted on the Tuesday: their "today" is that Tuesday.
        ("today", "2017-04-18"),
        ("dawn Tuesday", "2017-04-18TMO"),
        ("today", "2017-04-18"),
        ("April 18, 2017", "2017-04-18"),
        ("Tuesday", "2017-04-18"),
    ],
    "004_e5434030012653e7.txt": [
        ("Tuesday", "2017-04-18"),
        ("Tuesday night", "2017-04-18TNI"),
        ("midnight on Wednesday", "2017-04-19T00:00"),
        ("June 20, 2017", "2017-06-20"),
        ("1979", "1979"),
        ("current", "PRESENT_REF"),  # "in the current political landscape"
        ("Tuesday", "2017-04-18"),
        ("June 2", "2017-06-02"),
        ("2018", "2018"),
        ("nearly 40 years", "P40Y"),
        ("November of 2016", "2016-11"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed(name: str) -> None:
    assert _found(name) == EXPECTED[name]


def test_seed_001_matches_its_twin_without_the_header() -> None:
    # 001 is 000's text scraped without a header (and with the ages and the ad length cut out).
    got = _found("001_ed329d3a9282a71c.txt")
    assert got == [e for e in EXPECTED["000_9284c882ea1cbeed.txt"] if e[0] != "45-second"]


def test_last_week_range() -> None:
    body, dct = _body("002_1f82d5a64f6f6c40.txt")
    (last_week,) = [t for t in tag(body, dct) if t.text == "Last week"]
    assert (str(last_week.range_start), str(last_week.range_end)) == ("2017-04-10", "2017-04-16")
