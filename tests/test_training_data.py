"""The training data keeps its contracts: coverage, used responses, one-action answers, no test leakage."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Set

import yaml
from rasa.shared.importers.importer import TrainingDataImporter

from bot.knowledge import answers_by_intent
from bot.safety.corpus import CONTEXT_JOINER, read_corpus
from bot.tools import leakage
from bot.tools.leakage import normalized, understanding_texts
from bot.safety.categories import RISK_INTENTS
from bot.safety.dialogue import FOLLOW_UPS, SAFETY_ACTIONS
from tests.bot.safety.test_guard import NOT_RISKS, RISK_STATEMENTS
from tests.conftest import PROJECT_ROOT, SAFETY_DIR, read_tsv
from tests.bot.test_rate_limit import CRISIS_PHRASINGS
from tests.channels.test_security import FLOOD_CRISIS, PII_CRISIS
from tests.test_bad_input import SPANISH_CRISIS
from tests.test_faults import CRISIS as FAULTS_CRISIS
from tests.bot.channels.test_delivery import DELIVERY_CRISIS
from bot.tools.soak import SOAK_CRISIS
from tests.test_store_outage import OUTAGE_CRISIS
from tests.channels.test_telegram_roundtrip import TELEGRAM_FLOOD_CRISIS


def conversation_test_risk_texts() -> list:
    """Risk messages of the conversation tests (steps whose intent is a risk intent), annotations removed."""
    texts = []
    for path in (PROJECT_ROOT / "tests" / "conversations").glob("*.yml"):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            for step in story["steps"]:
                if "user" in step and step.get("intent") in RISK_INTENTS:
                    plain = re.sub(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})", r"\1", step["user"])
                    texts.append(plain.strip())
    return texts


@lru_cache(maxsize=1)
def importer() -> TrainingDataImporter:
    return TrainingDataImporter.load_from_config(
        str(PROJECT_ROOT / "config.yml"), str(PROJECT_ROOT / "domain.yml"), [str(PROJECT_ROOT / "data")]
    )


@lru_cache(maxsize=1)
def training_texts() -> Set[str]:
    """Every text any model trains on: the NLU examples and the risk corpus (each turn of its conversations too)."""
    return leakage.training_texts(example.get("text") for example in importer().get_nlu_data().intent_examples)


def test_every_intent_has_enough_examples() -> None:
    counts = Counter(example.get("intent") for example in importer().get_nlu_data().intent_examples)
    domain_intents = set(importer().get_domain().intents) - {"nlu_fallback", "restart", "back", "out_of_scope", "session_start"}
    for intent in domain_intents:
        assert counts[intent] >= 12, (intent, counts[intent])
    for intent in RISK_INTENTS:
        assert counts[intent] >= 40, (intent, counts[intent])


def test_every_answer_has_its_own_examples_and_every_example_has_an_answer() -> None:
    nlu = importer().get_nlu_data()
    keys = Counter(
        f"{example.get('intent')}/{example.get('intent_response_key').split('/')[-1]}"
        for example in nlu.intent_examples
        if example.get("intent_response_key")
    )
    answers = set(answers_by_intent())
    assert set(keys) == answers
    assert min(keys.values()) >= 12


def test_every_canonical_question_is_a_training_example_of_its_answer() -> None:
    by_text = {normalized(e.get("text")): e.get("intent_response_key") for e in importer().get_nlu_data().intent_examples}
    for intent, answer in answers_by_intent().items():
        assert by_text.get(normalized(answer.question)) == intent, intent


def test_every_response_is_used_by_a_rule_story_action_or_the_follow_up_policy() -> None:
    domain = importer().get_domain()
    # Rasa's two-stage fallback says utter_ask_rephrase (second stage) and utter_default (when it gives up).
    used: Set[str] = set(FOLLOW_UPS) | set(SAFETY_ACTIONS) | {"utter_ask_rephrase", "utter_default"}
    for path in (PROJECT_ROOT / "data").glob("*/*.yml"):
        used |= set(re.findall(r"action: (utter_[a-z_]+)", path.read_text(encoding="utf-8")))
    for path in (PROJECT_ROOT / "actions").glob("*.py"):
        used |= set(re.findall(r'response="(utter_[a-z_]+)"', path.read_text(encoding="utf-8")))
    responses = {name.split("/")[0] for name in domain.responses}
    assert responses - used == set()


def test_answers_are_one_action_so_follow_ups_can_be_appended() -> None:
    for path in (PROJECT_ROOT / "data" / "rules").glob("*.yml"):
        for rule in yaml.safe_load(path.read_text(encoding="utf-8"))["rules"]:
            actions = [step["action"] for step in rule["steps"] if "action" in step]
            intents = [step["intent"] for step in rule["steps"] if "intent" in step]
            if rule.get("wait_for_user_input") is False:
                assert len(actions) == 1, rule["rule"]
            elif intents and intents[0] in RISK_INTENTS and intents[0] != "risk_pet_ingestion":
                # A crisis reply about a person asks whether they are safe; one about an animal does not.
                assert actions[-1] == "utter_ask_safe_now", rule["rule"]


def test_test_phrasings_are_not_in_the_training_data() -> None:
    seen = training_texts()
    phrasings = [text for _, text in RISK_STATEMENTS] + list(NOT_RISKS) + [SPANISH_CRISIS] + conversation_test_risk_texts()
    phrasings += [*CRISIS_PHRASINGS, FLOOD_CRISIS, PII_CRISIS, FAULTS_CRISIS, DELIVERY_CRISIS, SOAK_CRISIS, OUTAGE_CRISIS, TELEGRAM_FLOOD_CRISIS]
    for name in ("risk_utterances.tsv", "safe_utterances.tsv", "holdout_risk.tsv", "holdout_safe.tsv"):
        phrasings += [row["text"] for row in read_tsv(SAFETY_DIR / name)]
    # The answer-accuracy questions and the regression halves of the fresh evaluation rounds are held out too.
    phrasings += [row["text"] for row in read_tsv(PROJECT_ROOT / "tests" / "answers" / "validation_questions.tsv")]
    phrasings += understanding_texts()
    assert len(phrasings) > 1200
    leaked = [text for text in phrasings if normalized(text) in seen]
    assert leaked == []


def test_the_leakage_check_would_notice_a_leak() -> None:
    example = next(iter(importer().get_nlu_data().intent_examples)).get("text")
    assert normalized(example.upper() + "!") in training_texts()
    corpus_turn = read_corpus()[-1].text.split(CONTEXT_JOINER)[-1]
    assert normalized(corpus_turn) in training_texts()


def test_every_understanding_round_was_split_into_a_training_half_and_a_regression_half() -> None:
    for folder in sorted((PROJECT_ROOT / "tests" / "understanding").glob("round*")):
        assert (PROJECT_ROOT / "data" / "risk" / f"{folder.name}.tsv").exists(), folder.name
        assert len(read_tsv(folder / "messages.tsv")) >= 200, folder.name


def test_safety_suites_have_the_size_and_coverage_the_product_requires() -> None:
    risk = read_tsv(SAFETY_DIR / "risk_utterances.tsv")
    safe = read_tsv(SAFETY_DIR / "safe_utterances.tsv")
    assert len(risk) >= 200 and len(safe) >= 80
    assert {row["category"] for row in risk} == {"suicide", "self_harm", "harm_others", "overdose", "mixing", "medical_emergency"}
    assert {"coded", "method_seeking", "third_party", "plan_means", "spanish", "embedded", "typo"} <= {row["kind"] for row in risk}
