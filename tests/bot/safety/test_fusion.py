"""How the guard, the risk model and the intent classifier combine into crisis, direct question or nothing."""

from __future__ import annotations

import dataclasses
from typing import Dict

from bot.safety.fusion import Thresholds, Tier, decide, reconsider, stronger
from bot.safety.guard import Assessment, Evidence, Level
from bot.safety.risk_model import RiskReading


def ranking(*pairs):
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def reading(risk: float = 0.0, possible: float = 0.0, category: str = "suicide", advice: float = 0.0) -> RiskReading:
    probabilities: Dict[str, float] = {"none": max(0.0, 1 - risk - possible - advice), "advice": advice, "possible": possible}
    probabilities[category] = risk
    return RiskReading(probabilities, risk, possible, category)


THRESHOLDS = Thresholds(crisis=0.5, check=0.3)


# ---- without a model: the guard and the classifier alone (as before the risk model existed)
def test_guard_risk_wins_whatever_the_classifier_says() -> None:
    decision = decide(Assessment(Level.RISK, "overdose"), ranking(("greet", 0.99)))
    assert decision.intent == "risk_overdose"


def test_hint_with_a_risk_guess_on_top_is_a_risk() -> None:
    assert decide(Assessment(Level.HINT), ranking(("risk_self_harm", 0.4), ("side_effects", 0.3))).is_risk


def test_hint_with_an_unsure_classifier_leans_to_risk() -> None:
    decision = decide(Assessment(Level.HINT), ranking(("dangers", 0.45), ("risk_suicide", 0.25)))
    assert decision.intent == "risk_suicide"


def test_hint_with_a_confident_information_intent_is_not_a_risk() -> None:
    assert not decide(Assessment(Level.HINT), ranking(("dangers", 0.95), ("risk_suicide", 0.04))).is_risk


def test_classifier_alone_can_raise_a_risk_the_guard_missed() -> None:
    assert decide(Assessment(Level.NONE), ranking(("risk_suicide", 0.8))).intent == "risk_suicide"


def test_classifier_does_not_overrule_context_the_guard_explained() -> None:
    assert not decide(Assessment(Level.CLEARED), ranking(("risk_suicide", 1.0))).is_risk


def test_nlu_fallback_on_top_does_not_hide_the_classifiers_own_ranking() -> None:
    decision = decide(Assessment(Level.HINT), ranking(("nlu_fallback", 0.5), ("risk_overdose", 0.7)))
    assert decision.intent == "risk_overdose"


# ---- with the risk model
def test_the_model_routes_a_risk_the_lexicon_is_silent_about() -> None:
    decision = decide(Assessment(Level.NONE), ranking(("greet", 0.9)), reading(0.8, category="overdose"), THRESHOLDS)
    assert (decision.tier, decision.intent) == (Tier.CRISIS, "risk_overdose")


def test_an_unsure_model_asks_directly_and_picks_the_question() -> None:
    unclear = decide(Assessment(Level.NONE), [], reading(0.1, possible=0.3), THRESHOLDS)
    assert (unclear.tier, unclear.ask) == (Tier.CHECK, "suicide")
    danger = decide(Assessment(Level.NONE), [], reading(0.35, category="medical_emergency"), THRESHOLDS)
    assert (danger.tier, danger.ask) == (Tier.CHECK, "danger")


def test_nothing_alarming_is_nothing() -> None:
    assert decide(Assessment(Level.NONE), ranking(("side_effects", 0.9)), reading(0.02), THRESHOLDS).tier is Tier.NONE


def test_the_lexicon_routes_even_when_the_model_is_unsure() -> None:
    assert decide(Assessment(Level.RISK, "suicide"), [], reading(0.2), THRESHOLDS).tier is Tier.CRISIS


def test_a_lexicon_match_the_model_reads_as_ordinary_gets_a_question_not_a_crisis_reply() -> None:
    decision = decide(Assessment(Level.RISK, "harm_others"), [], reading(0.01), THRESHOLDS)
    assert decision.tier is Tier.CHECK


def test_a_lexicon_match_the_model_reads_as_an_advice_request_gets_the_decline() -> None:
    decision = decide(Assessment(Level.RISK, "mixing"), [], reading(0.1, advice=0.8), THRESHOLDS)
    assert decision.tier is Tier.NONE


def test_words_the_guard_explained_away_get_a_question_unless_the_model_is_sure_enough() -> None:
    question = Assessment(Level.CLEARED, alarm_cleared_by=("general question",))
    idiom = Assessment(Level.CLEARED, alarm_cleared_by=("idiom",))
    # "If someone took 40 of the 1 mg, would they die?": a question is a weak reason to stand down.
    assert decide(question, [], reading(0.45), Thresholds(crisis=0.3, check=0.25)).tier is Tier.CHECK
    assert decide(question, [], reading(0.55), Thresholds(crisis=0.3, check=0.25)).tier is Tier.CRISIS
    # An idiom, a negation or a resolved past is a strong one ("I don't want to die, I want to get back to hiking"):
    # the model cannot read negation, so it gets the direct question at most.
    assert decide(idiom, [], reading(0.99), THRESHOLDS).tier is Tier.CHECK


def test_an_idiom_the_model_is_merely_unsure_about_gets_no_question_unless_a_sentence_of_its_own_carries_risk() -> None:
    idiom = Assessment(Level.CLEARED, alarm_cleared_by=("idiom",))
    negation = Assessment(Level.CLEARED, alarm_cleared_by=("negation",))
    # "my boss is going to kill me if I'm late again": the model reads the same words the guard explained.
    assert decide(idiom, [], reading(0.55), THRESHOLDS).tier is Tier.NONE
    assert decide(idiom, [], reading(0.75), THRESHOLDS).tier is Tier.CHECK
    buried = dataclasses.replace(reading(0.55), sentence_risk=0.55)  # a sentence of its own carries the risk
    assert decide(idiom, [], buried, THRESHOLDS).tier is Tier.CHECK
    # A negation is no idiom: "I don't want to die, but I gave my things away" still gets the question.
    assert decide(negation, [], reading(0.55), THRESHOLDS).tier is Tier.CHECK


def test_a_confident_risk_guess_of_the_classifier_alone_gets_a_question() -> None:
    decision = decide(Assessment(Level.NONE), ranking(("risk_suicide", 0.9)), reading(0.05), THRESHOLDS)
    assert decision.tier is Tier.CHECK


def test_the_stronger_decision_wins() -> None:
    none = decide(Assessment(Level.NONE), [], reading(0.0), THRESHOLDS)
    crisis = decide(Assessment(Level.NONE), [], reading(0.9), THRESHOLDS)
    assert stronger(none, crisis) is crisis and stronger(crisis, none) is crisis


def test_a_fragment_needs_more_to_be_a_crisis_or_a_question() -> None:
    assert decide(Assessment(Level.NONE), [], reading(0.4), THRESHOLDS, words=3).tier is Tier.NONE
    assert decide(Assessment(Level.NONE), [], reading(0.4), THRESHOLDS, words=12).tier is Tier.CHECK
    assert decide(Assessment(Level.NONE), [], reading(0.6), THRESHOLDS, words=3).tier is Tier.CRISIS


def test_a_question_the_classifier_is_sure_of_gets_its_answer_and_the_question_when_the_model_is_unsure() -> None:
    sure = ranking(("withdrawal_timeline", 0.98))
    assert decide(Assessment(Level.NONE), sure, reading(0.45), Thresholds(crisis=0.3, check=0.25)).tier is Tier.CHECK
    assert decide(Assessment(Level.NONE), sure, reading(0.8), Thresholds(crisis=0.3, check=0.25)).tier is Tier.CRISIS


def test_an_advice_reading_never_explains_away_a_statement_about_ending_a_life_or_hurting_someone() -> None:
    for category in ("suicide", "self_harm", "harm_others"):
        assert decide(Assessment(Level.RISK, category), [], reading(0.05, advice=0.95), THRESHOLDS).tier is Tier.CRISIS


def test_the_model_alone_needs_the_classifier_to_agree_unless_it_is_sure() -> None:
    agrees = ranking(("risk_suicide", 0.7))
    disagrees = ranking(("out_of_scope", 0.8))
    low = Thresholds(crisis=0.3, check=0.25)
    assert decide(Assessment(Level.NONE), agrees, reading(0.45), low).tier is Tier.CRISIS
    assert decide(Assessment(Level.NONE), disagrees, reading(0.45), low).tier is Tier.CHECK
    assert decide(Assessment(Level.NONE), disagrees, reading(0.75), low).tier is Tier.CRISIS
    assert decide(Assessment(Level.NONE), [], reading(0.45), low).tier is Tier.CRISIS  # no classifier opinion


def test_the_model_never_talks_a_covert_drugging_match_down_to_a_question_but_may_an_open_one() -> None:
    from bot.safety.guard import Evidence

    means = Assessment(Level.RISK, "harm_others", (Evidence("harm_others.covert", "harm_others", "without her knowing"),))
    pet = Assessment(Level.RISK, "harm_others", (Evidence("harm_others.means", "harm_others", "crush a quarter into her food"),))
    intent = Assessment(Level.RISK, "harm_others", (Evidence("harm_others.intent", "harm_others", "hurt him"),))
    ordinary = reading(0.01, category="harm_others", advice=0.9)
    assert decide(means, [], ordinary, THRESHOLDS).tier is Tier.CRISIS
    assert decide(intent, [], ordinary, THRESHOLDS).tier is Tier.CHECK
    assert decide(pet, [], ordinary, THRESHOLDS).tier is Tier.CHECK  # "can I crush some into my cat's food?"


def test_what_the_guard_did_not_explain_away_can_still_be_a_crisis() -> None:
    negated = Assessment(Level.CLEARED, alarm_cleared_by=("negation",), unexplained="i am not , i just want to vanish")
    before = decide(negated, [], reading(0.97), THRESHOLDS)
    assert before.tier is Tier.CHECK
    assert reconsider(before, negated, [], reading(0.95), THRESHOLDS).tier is Tier.CRISIS
    assert reconsider(before, negated, [], reading(0.95), THRESHOLDS, whole=reading(0.97)).tier is Tier.CRISIS
    # Over the guard's explanation a crisis reply needs the model sure of the whole message and of the rest alike.
    unsure = decide(negated, [], reading(0.45), THRESHOLDS)
    assert reconsider(unsure, negated, [], reading(0.95), THRESHOLDS, whole=reading(0.45)).tier is Tier.CHECK
    # "I don't want to kill myself": nothing alarming is left, and the question stays.
    assert reconsider(before, negated, [], reading(0.05), THRESHOLDS).tier is Tier.CHECK


def test_an_alarm_that_came_only_from_an_idioms_words_is_dropped() -> None:
    idiom = Assessment(Level.NONE, unexplained=", finally my appetite is back")
    alarmed = decide(idiom, [], reading(0.6), THRESHOLDS)
    assert alarmed.tier is Tier.CRISIS
    assert reconsider(alarmed, idiom, [], reading(0.05), THRESHOLDS).tier is Tier.NONE
    # The rest still reads as unclear: it gets the question, not the crisis reply the idiom's words earned.
    assert reconsider(alarmed, idiom, [], reading(0.1, possible=0.5), THRESHOLDS).tier is Tier.CHECK
    # A rule that an idiom covers ("about to murder this pizza") is the idiom's words too.
    covered = Assessment(Level.CLEARED, evidence=(Evidence("harm_others.intent", "harm_others", "murder this pizza", "idiom"),), unexplained="i am")
    assert reconsider(decide(covered, [], reading(0.9), THRESHOLDS), covered, [], reading(0.02), THRESHOLDS).tier is Tier.NONE
    # A rule the guard explained away is no idiom: the decision stands.
    rule = Assessment(Level.CLEARED, evidence=(Evidence("x", "suicide", "words", "negation"),), unexplained="rest")
    checked = decide(rule, [], reading(0.6), THRESHOLDS)
    assert reconsider(checked, rule, [], reading(0.05), THRESHOLDS).tier is checked.tier


def test_a_crisis_the_lexicon_found_is_never_reconsidered() -> None:
    risk = Assessment(Level.RISK, "suicide", unexplained="rest")
    crisis = decide(risk, [], reading(0.9), THRESHOLDS)
    assert reconsider(crisis, risk, [], reading(0.0), THRESHOLDS) is crisis
