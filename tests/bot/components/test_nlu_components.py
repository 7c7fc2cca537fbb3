"""The project's NLU components on real Rasa messages."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.shared.nlu.training_data.message import Message

from bot.components.answer_selector import ANSWER_SELECTION, AnswerSelector, decline_unplaced_advice_request
from bot.encoder import get_encoder
from bot.components.input_checker import INPUT_CHECK, ORIGINAL_TEXT, InputChecker
from bot.components.lemma_tokenizer import SpacyLemmaTokenizer
from bot.components.lexicon_entities import LexiconEntityExtractor
from bot.components.safety_classifier import SAFETY, SafetyClassifier


def classified(text: str, ranking: List[Dict[str, Any]], **extra: Any) -> Message:
    message = Message(data={"text": text, "intent": dict(ranking[0]), "intent_ranking": ranking, **extra})
    return message


def selector(ranking: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {
        "all_retrieval_intents": ["side_effects", "dangers"],
        "default": {"response": {"intent_response_key": ranking[0]["intent_response_key"]}, "ranking": ranking},
    }


EXAMPLES = {
    "side_effects/dizziness": ["does it make you dizzy", "feeling lightheaded on klonopin"],
    "side_effects/insomnia": ["can clonazepam stop me sleeping", "trouble sleeping on benzos"],
    "dangers/seizures": ["can withdrawal cause seizures", "seizure risk when stopping"],
}


def answer_selector(threshold: float = 0.35) -> AnswerSelector:
    keys = [key for key, texts in EXAMPLES.items() for _ in texts]
    vectors = get_encoder().encode([text for texts in EXAMPLES.values() for text in texts])
    return AnswerSelector({"threshold": threshold}, None, None, vectors, keys)


def guard() -> SafetyClassifier:
    """The safety classifier with the lexicon guard alone (no trained risk model)."""
    return SafetyClassifier(SafetyClassifier.get_default_config())


def test_input_checker_cleans_text_and_keeps_the_original_for_the_guard() -> None:
    message = Message(data={"text": "how long\x00 does it last" + " word" * 400})
    InputChecker().process([message])
    assert message.get(ORIGINAL_TEXT).startswith("how long\x00")
    assert "\x00" not in message.get("text") and len(message.get("text")) <= 1000
    assert message.get(INPUT_CHECK)["truncated"] is True


def test_tokenizer_gives_lemmas_and_drops_punctuation_and_emoji() -> None:
    tokenizer = SpacyLemmaTokenizer(SpacyLemmaTokenizer.get_default_config())
    tokens = tokenizer.tokenize(Message(data={"text": "Seizures after stopping?! 😭"}), "text")
    assert [(token.text, token.lemma) for token in tokens] == [("Seizures", "seizure"), ("after", "after"), ("stopping", "stop")]


def test_entity_extractor_adds_canonical_values_with_its_name() -> None:
    message = Message(data={"text": "php vs iop for kpins"})
    LexiconEntityExtractor().process([message])
    entities = message.get("entities")
    assert [(e["entity"], e["value"]) for e in entities] == [
        ("care_level", "partial_hospitalization"),
        ("care_level", "intensive_outpatient"),
        ("medication", "clonazepam"),
    ]
    assert {e["extractor"] for e in entities} == {"LexiconEntityExtractor"}


def test_guard_overrides_a_confident_classifier_for_a_risk_statement() -> None:
    message = classified("my dad took all his klonopin and won't wake up", [{"name": "about_drug", "confidence": 0.97}])
    guard().process([message])
    assert message.get("intent") == {"name": "risk_overdose", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "risk_overdose"
    assert message.get(SAFETY)["decision"] == "guard"


def test_rejected_risk_guess_is_replaced_by_the_best_other_intent_and_answer() -> None:
    ranking = [{"name": "risk_suicide", "confidence": 0.9}, {"name": "side_effects", "confidence": 0.8}]
    message = classified(
        "this insomnia is killing me, how long does it last",
        ranking,
        response_selector=selector([{"intent_response_key": "side_effects/insomnia", "confidence": 0.6}]),
        answer_selection={"intent_response_key": "side_effects/insomnia", "share": 0.7},
    )
    guard().process([message])
    assert message.get("intent")["name"] == "side_effects"
    assert message.get("response_selector")["default"]["response"]["utter_action"] == "utter_side_effects/insomnia"


def test_rejected_risk_guess_with_nothing_confident_left_asks_to_clarify() -> None:
    message = classified("heatwave is killing my garden", [{"name": "risk_suicide", "confidence": 1.0}, {"name": "greet", "confidence": 0.1}])
    guard().process([message])
    assert message.get("intent")["name"] == "nlu_fallback"


def test_empty_and_non_english_input_get_their_own_intents_unless_risky() -> None:
    empty = classified("", [{"name": "greet", "confidence": 0.3}], input_check={"kind": "empty"})
    french = classified("Qu'est-ce que le clonazépam ?", [{"name": "greet", "confidence": 0.6}], input_check={"kind": "non_english", "language": "other"})
    crisis = classified("me quiero morir", [{"name": "greet", "confidence": 0.3}], input_check={"kind": "non_english", "language": "es"})
    guard().process([empty, french, crisis])
    assert empty.get("intent")["name"] == "input_unreadable"
    assert french.get("intent")["name"] == "input_non_english"
    assert crisis.get("intent")["name"] == "risk_suicide"


def test_a_spanish_question_matched_to_an_answer_keeps_it_and_one_that_is_not_is_told_english_only() -> None:
    answered = classified(
        "¿cuánto dura la abstinencia de clonazepam?",
        [{"name": "withdrawal_timeline", "confidence": 0.9}],
        input_check={"kind": "non_english", "language": "es"},
        response_selector={"all_retrieval_intents": ["withdrawal_timeline"]},
    )
    unmatched = classified(
        "¿dónde queda la farmacia?",
        [{"name": "nlu_fallback", "confidence": 0.5}],
        input_check={"kind": "non_english", "language": "es"},
        response_selector={"all_retrieval_intents": ["withdrawal_timeline"]},
    )
    guard().process([answered, unmatched])
    assert answered.get("intent")["name"] == "withdrawal_timeline"
    assert unmatched.get("intent")["name"] == "input_non_english"


def test_answer_selector_weighs_the_topic_and_the_neighbours() -> None:
    answers = [
        {"intent_response_key": "side_effects/insomnia", "confidence": 0.4},
        {"intent_response_key": "side_effects/dizziness", "confidence": 0.35},
        {"intent_response_key": "dangers/seizures", "confidence": 0.25},
    ]
    message = classified("i get so dizzy when i stand up on kpins", [{"name": "side_effects", "confidence": 0.9}, {"name": "dangers", "confidence": 0.1}], response_selector=selector(answers))
    answer_selector().process([message])
    assert message.get(ANSWER_SELECTION)["intent_response_key"] == "side_effects/dizziness"
    assert message.get("intent")["name"] == "side_effects"
    assert message.get("response_selector")["default"]["response"]["utter_action"] == "utter_side_effects/dizziness"


def test_answer_selector_clarifies_when_no_answer_stands_out() -> None:
    answers = [{"intent_response_key": key, "confidence": 1 / 3} for key in EXAMPLES]
    message = classified("tell me about it", [{"name": "side_effects", "confidence": 0.5}, {"name": "dangers", "confidence": 0.5}], response_selector=selector(answers))
    answer_selector(threshold=0.9).process([message])
    assert message.get("intent")["name"] == "nlu_fallback"


def test_answer_selector_says_not_covered_when_the_question_is_on_a_subject_no_page_touches() -> None:
    answers = [{"intent_response_key": "side_effects/dizziness", "confidence": 0.9}]
    message = classified("does klonopin make your hair fall out and get you dizzy", [{"name": "side_effects", "confidence": 0.9}], response_selector=selector(answers))
    answer_selector().process([message])
    assert message.get("intent")["name"] == "not_covered"
    assert message.get("uncovered_subject") == "side effects the pages don't list"
    assert message.get(ANSWER_SELECTION)["suggestions"][0] == "side_effects/dizziness"  # offered as the nearest answer


def test_answer_selector_answers_when_the_subject_is_covered() -> None:
    answers = [{"intent_response_key": "side_effects/dizziness", "confidence": 0.9}]
    message = classified("does klonopin make you dizzy", [{"name": "side_effects", "confidence": 0.9}], response_selector=selector(answers))
    answer_selector().process([message])
    assert message.get("intent")["name"] == "side_effects" and message.get("uncovered_subject") is None


def test_answer_selector_leaves_non_retrieval_intents_alone_and_writes_rasas_selector_output() -> None:
    answers = [{"intent_response_key": "side_effects/dizziness", "confidence": 0.01}] * 40
    message = classified("hello there", [{"name": "greet", "confidence": 0.95}, {"name": "side_effects", "confidence": 0.05}], response_selector=selector(answers))
    answer_selector().process([message])
    assert message.get("intent")["name"] == "greet"
    selector_output = message.get("response_selector")
    assert selector_output["all_retrieval_intents"] == ["dangers", "side_effects"]
    assert [entry["intent_response_key"] for entry in selector_output["default"]["ranking"]][0] == "side_effects/dizziness"
    assert len(selector_output["default"]["ranking"]) <= 5 and selector_output["default"]["response"] == {}


def test_neighbour_votes_are_the_softmax_of_each_answers_two_closest_examples() -> None:
    import numpy as np

    rng = np.random.default_rng(3)
    keys = [f"topic/answer_{index % 7}" for index in range(7 * 3)] + ["topic/answer_0"] * 4  # uneven groups
    vectors = rng.normal(size=(len(keys), 384)).astype(np.float32)
    chosen = AnswerSelector({"threshold": 0.35}, None, None, vectors, keys)
    text = "how long does withdrawal last"
    similarities = vectors @ get_encoder().encode([text])[0]
    answers = sorted(set(keys))
    scores = np.array([np.sort(similarities[[i for i, k in enumerate(keys) if k == a]])[-2:].mean() for a in answers])
    expected = np.exp((scores - scores.max()) / 0.05)
    expected /= expected.sum()
    votes = chosen._neighbour_votes(text)
    assert list(votes) == answers
    assert np.allclose([votes[a] for a in answers], expected, rtol=1e-6, atol=1e-9)



def unplaced(text: str, intent: str = "nlu_fallback") -> Message:
    selection = {"intent_response_key": "side_effects/insomnia", "share": 0.2, "suggestions": ["side_effects/insomnia"],
                 }
    return classified(text, [{"name": intent, "confidence": 0.4}, {"name": "side_effects", "confidence": 0.3}],
                      answer_selection=selection, response_selector={"default": {"response": {}}})


def test_an_advice_request_the_classifiers_could_not_place_gets_the_closest_decline() -> None:
    for intent in ("nlu_fallback", "not_covered"):
        message = unplaced("my uncle wants to take twice his usual clonazepam tonight, should he double it", intent)
        assert decline_unplaced_advice_request(message, lambda: ("medical_advice/skip_dose", 0.5))
        assert message.get("intent")["name"] == "medical_advice", intent
        assert message.get("response_selector")["default"]["response"]["utter_action"] == "utter_medical_advice/skip_dose"


def test_an_unplaced_general_question_or_a_placed_one_is_left_alone() -> None:
    general = unplaced("what happens to people who double their clonazepam")
    assert not decline_unplaced_advice_request(general, lambda: ("medical_advice/skip_dose", 0.5))
    assert general.get("intent")["name"] == "nlu_fallback"
    placed = unplaced("should i double my clonazepam tonight", intent="side_effects")
    assert not decline_unplaced_advice_request(placed, lambda: ("medical_advice/skip_dose", 0.5))
    assert placed.get("intent")["name"] == "side_effects"


def test_an_advice_request_with_no_answer_topic_in_the_ranking_still_gets_the_closest_decline() -> None:
    message = classified("can i grind up my dad's klonopin into his soup, he won't swallow it", [{"name": "not_covered", "confidence": 0.9}])
    advice_selector().process([message])
    assert message.get("intent")["name"] == "medical_advice"
    assert message.get("response_selector")["default"]["response"]["utter_action"].startswith("utter_medical_advice/")


ADVICE_EXAMPLES = {
    **EXAMPLES,
    "medical_advice/skip_dose": ["can i take an extra pill tonight", "should i double my dose"],
    "medical_advice/combine": ["can i mix my klonopin into food", "can i take it with juice"],
}


def advice_selector() -> AnswerSelector:
    keys = [key for key, texts in ADVICE_EXAMPLES.items() for _ in texts]
    vectors = get_encoder().encode([text for texts in ADVICE_EXAMPLES.values() for text in texts])
    return AnswerSelector({"threshold": 0.35}, None, None, vectors, keys)
