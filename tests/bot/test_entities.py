"""The EntityRuler recognizes medications, substances, levels of care and countries, with synonyms."""

from __future__ import annotations

from bot.entities import find_entities


def values(text: str):
    return [(found.entity, found.value) for found in find_entities(text)]


def test_slang_and_misspellings_resolve_to_clonazepam() -> None:
    for text in ["klonnies", "kpins", "k-pins", "clonazapam", "Klonipin", "rivotril"]:
        assert ("medication", "clonazepam") in values(f"how long do {text} stay in you"), text


def test_levels_of_care_and_abbreviations() -> None:
    assert values("php vs iop") == [("care_level", "partial_hospitalization"), ("care_level", "intensive_outpatient")]
    assert ("care_level", "social_detox") in values("is social detox safe")


def test_countries_need_a_location_cue_for_short_forms() -> None:
    assert values("I'm in the UK") == [("country", "GB")]
    assert values("we live in the US") == [("country", "US")]
    assert values("can you tell us about rehab") == [("care_level", "inpatient_rehab")]


def test_offsets_point_at_the_surface_text() -> None:
    found = find_entities("mixing klonopin with beer")
    assert [(f.text, f.start, f.end) for f in found] == [("klonopin", 7, 15), ("beer", 21, 25)]
