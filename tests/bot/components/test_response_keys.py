"""bot.components.response_keys: the indexed lookup gives Rasa's answer for every label."""

from __future__ import annotations

from rasa.nlu.selectors.response_selector import ResponseSelector

from bot.components import response_keys

RESPONSES = {
    "utter_faq/a": [{"text": "Answer A"}, {"text": "shared text"}],
    "utter_faq/b": [{"text": "shared text"}, {"text": "Answer B"}],
    "utter_chitchat/a": [{"text": "faq/b"}],  # a text equal to another key's name: the earlier key wins
    "utter_other/c": [{"image": "x.png"}],  # no text
}
LABELS = ["faq/a", "faq/b", "chitchat/a", "other/c", "Answer A", "Answer B", "shared text", "nothing", "", None]


class _Selector:
    responses = RESPONSES


def test_index_agrees_with_rasas_scan_on_every_label() -> None:
    for name in LABELS:
        label = {"name": name}
        assert response_keys._indexed_resolve(_Selector(), label) == response_keys._rasa_resolve(_Selector(), label), name


def test_response_selector_uses_the_index() -> None:
    assert ResponseSelector._resolve_intent_response_key is response_keys._indexed_resolve


def test_index_follows_new_responses() -> None:
    selector = _Selector()
    assert response_keys._indexed_resolve(selector, {"name": "faq/a"}) == "faq/a"
    selector.responses = {"utter_new/x": [{"text": "t"}]}
    assert response_keys._indexed_resolve(selector, {"name": "faq/a"}) is None
    assert response_keys._indexed_resolve(selector, {"name": "new/x"}) == "new/x"
