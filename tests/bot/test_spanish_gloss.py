"""The English gloss that lets the intent classifiers place a Spanish question."""

from __future__ import annotations

from bot.spanish_gloss import PHRASES, WORDS, gloss


def test_a_spanish_question_reads_as_english_words_for_the_classifiers() -> None:
    assert gloss("¿Cuánto tiempo duran los síntomas de abstinencia?") == "how long last the symptoms of withdrawal?"
    assert gloss("¿Es peligroso dejar el Rivotril de golpe?") == "is dangerous stop the clonazepam suddenly cold turkey?"


def test_unknown_words_pass_through_and_nothing_is_invented() -> None:
    assert gloss("klonopin xyz") == "klonopin xyz"
    assert gloss("") == ""


def test_the_glossary_keys_are_plain_lowercase_spanish() -> None:
    for key in [*PHRASES, *WORDS]:
        assert key == key.lower() and key.isascii(), key


def test_personal_dose_questions_keep_the_words_that_make_them_advice_requests() -> None:
    assert gloss("Olvidé la pastilla de anoche, ¿tomo doble dosis mañana?") == "i forgot the pill of last night do i take double dose tomorrow?"
    assert gloss("¿Cuál me conviene, el diazepam o el clonazepam?") == "which is better for me the diazepam or the clonazepam?"
