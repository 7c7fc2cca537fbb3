"""Comparing two levels of care."""

from __future__ import annotations

from bot.care_levels import care_levels, compare, distinct_levels
from bot.entities import SYNONYMS
from bot.sources import citation_line


def test_every_care_level_entity_value_has_an_entry() -> None:
    assert set(SYNONYMS["care_level"]) == set(care_levels())


def test_comparison_shows_both_sides_of_each_attribute_and_cites_both() -> None:
    text = compare("partial_hospitalization", "intensive_outpatient")
    assert "20 or more hours" in text and "6 to 9 hours" in text
    assert text.count("•") == 6
    assert text.endswith(citation_line(["aac"]))
    assert "\n\n" not in text


def test_distinct_levels_keeps_order_and_drops_unknown_and_repeats() -> None:
    assert distinct_levels(["outpatient", "nonsense", "outpatient", "aftercare"]) == ["outpatient", "aftercare"]
