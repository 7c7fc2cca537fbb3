"""Helplines come from one table; every crisis reply is built from it and carries the right numbers."""

from __future__ import annotations

import re

import pytest
import yaml

from bot.build_responses import RESPONSES_DIR, safety_responses
from bot.safety.categories import RISK_CATEGORIES
from bot.safety.helplines import DEFAULT_COUNTRY, HELPLINES, helplines_for

GENERATED = yaml.safe_load((RESPONSES_DIR / "safety.yml").read_text(encoding="utf-8"))["responses"]


def _variation(response: str, country: str) -> str:
    for variation in GENERATED[response]:
        condition = variation.get("condition")
        if condition and condition[0]["value"] == country:
            return variation["text"]
        if not condition and country == DEFAULT_COUNTRY:
            return variation["text"]
    raise AssertionError(f"{response} has no variation for {country}")


def test_us_lines_are_the_public_neutral_ones_the_product_requires() -> None:
    us = HELPLINES["US"]
    assert us.emergency == "911"
    assert "988" in us.crisis.contact and "text" in us.crisis.contact
    assert us.poison.contact == "1-800-222-1222"
    assert us.treatment is not None and us.treatment.contact == "1-800-662-4357"
    assert "not a counseling line" in us.treatment.note


def test_the_required_countries_are_covered() -> None:
    assert {"US", "CA", "GB", "IE", "AU", "NZ"} <= set(HELPLINES)


def test_unknown_or_missing_country_falls_back_to_the_us() -> None:
    assert helplines_for(None).code == "US"
    assert helplines_for("xx").code == "US"
    assert helplines_for("gb").code == "GB"


@pytest.mark.parametrize("country", sorted(HELPLINES))
@pytest.mark.parametrize("category", sorted(RISK_CATEGORIES))
def test_each_crisis_reply_carries_the_emergency_number_for_its_country(category: str, country: str) -> None:
    text = _variation(RISK_CATEGORIES[category].response, country)
    lines = HELPLINES[country]
    assert lines.emergency in text
    if category in {"suicide", "self_harm", "harm_others"}:
        assert lines.crisis.contact in text
    if category in {"overdose", "mixing"}:
        assert lines.poison.contact in text


def test_the_help_now_reply_lists_every_line_of_the_country() -> None:
    for code, lines in HELPLINES.items():
        text = _variation("utter_help_now", code)
        for line in [*lines.crisis_lines(), lines.poison] + ([lines.treatment] if lines.treatment else []):
            assert line.contact in text, (code, line.name)


def test_generated_safety_replies_contain_no_number_outside_the_table() -> None:
    allowed = set()
    for lines in HELPLINES.values():
        for line in lines.all_lines():
            allowed |= set(re.findall(r"\d+", f"{line.name} {line.contact} {line.note}"))
        allowed |= set(re.findall(r"\d+", lines.emergency))
    allowed |= {"1", "000"}  # "1,000 characters" in the truncation notice
    for name, variations in GENERATED.items():
        for variation in variations:
            assert set(re.findall(r"\d+", variation["text"])) <= allowed, name


def test_generated_file_matches_the_table() -> None:
    assert safety_responses() == GENERATED
