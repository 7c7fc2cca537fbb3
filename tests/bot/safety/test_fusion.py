"""How the guard and the classifier combine."""

from __future__ import annotations

from bot.safety.fusion import decide
from bot.safety.guard import Assessment, Level


def ranking(*pairs):
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


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
