"""The evaluation-set reader (bot.tools.fresh_eval): no trained model needed."""

from bot.tools.fresh_eval import topics_of


def test_topics_are_read_from_a_comma_separated_string_or_a_list() -> None:
    assert topics_of("side_effects/memory, dangers") == ("side_effects/memory", "dangers")
    assert topics_of(["side_effects/memory", " dangers "]) == ("side_effects/memory", "dangers")
    assert topics_of("") == topics_of(None) == topics_of([]) == ()
