"""The safety state machine and the follow-ups appended after answers (pure logic, no Rasa)."""

from __future__ import annotations

from dataclasses import replace

from bot.safety.dialogue import (
    ACTION_UNAVAILABLE,
    ASK_DIRECT,
    ASK_DIRECT_THANKS,
    ASK_SAFE_NOW,
    ASK_SAFE_NOW_ES,
    ASKED_DANGER,
    ASKED_SUICIDE,
    DANGER_NOW,
    HELP_COMING,
    HELP_COMING_ES,
    SPANISH_CRISIS,
    CHECK_IN,
    CHECKING,
    INPUT_TRUNCATED,
    MAX_ACTIONS_BEFORE_LISTEN,
    NOT_SAFE_REPLY,
    RECHECK,
    RECHECKING,
    RESUME,
    SESSION_NOTICE,
    STILL_GO,
    STILL_GO_ES,
    Turn,
    next_follow_up,
    says_fine,
)


def turn(state=None, intent="side_effects", done=(), notice_shown=True, truncated=False) -> Turn:
    return Turn(state, intent, tuple(done), notice_shown, truncated)


def test_first_answer_of_a_session_gets_the_notice_then_listens() -> None:
    assert next_follow_up(turn(notice_shown=False)) is None  # the rules answer first
    assert next_follow_up(turn(notice_shown=False, done=["utter_side_effects"])).action == SESSION_NOTICE
    assert next_follow_up(turn(notice_shown=False, done=["utter_side_effects", SESSION_NOTICE])).action == "action_listen"


def test_later_answers_get_no_notice() -> None:
    assert next_follow_up(turn(done=["utter_side_effects"])).action == "action_listen"


def test_greeting_already_says_what_the_assistant_is() -> None:
    assert next_follow_up(turn(intent="greet", notice_shown=False, done=["utter_greet"])).action == "action_listen"


def test_crisis_sequences_are_left_to_the_rules() -> None:
    assert next_follow_up(turn(CHECKING, "risk_suicide", ["utter_crisis_suicide"])) is None
    assert next_follow_up(turn(CHECKING, "risk_suicide", ["utter_crisis_suicide", ASK_SAFE_NOW])) is None


def test_im_fine_after_a_crisis_gets_one_gentle_recheck_then_normal_answers() -> None:
    first = next_follow_up(turn(CHECKING, "deny_risk"))
    assert (first.action, first.safety_state, first.sets_state) == (RECHECK, RECHECKING, True)
    assert next_follow_up(turn(CHECKING, "deny_risk", [RECHECK])).action == "action_listen"
    second = next_follow_up(turn(RECHECKING, "confirm_safe"))
    assert (second.action, second.safety_state) == (RESUME, None)


def test_a_plain_yes_to_are_you_safe_counts_as_safe_and_a_plain_no_as_not_safe() -> None:
    assert next_follow_up(turn(CHECKING, "affirm")).action == RECHECK
    not_safe = next_follow_up(turn(RECHECKING, "deny"))
    assert (not_safe.action, not_safe.safety_state) == (NOT_SAFE_REPLY, CHECKING)


def test_any_other_message_in_the_safety_state_is_answered_then_checked_on() -> None:
    assert next_follow_up(turn(CHECKING, "withdrawal_timeline")) is None
    assert next_follow_up(turn(CHECKING, "withdrawal_timeline", ["utter_withdrawal_timeline"])).action == CHECK_IN
    assert next_follow_up(turn(CHECKING, "withdrawal_timeline", ["utter_withdrawal_timeline", CHECK_IN])).action == "action_listen"


def test_check_in_keeps_going_in_the_recheck_state_too() -> None:
    assert next_follow_up(turn(RECHECKING, "about_drug", ["utter_about_drug"])).action == CHECK_IN


def test_a_truncated_message_is_answered_then_the_user_is_told() -> None:
    follow = next_follow_up(turn(done=["utter_dangers"], truncated=True))
    assert follow.action == INPUT_TRUNCATED
    assert next_follow_up(turn(done=["utter_dangers", INPUT_TRUNCATED], truncated=True)).action == "action_listen"


def test_follow_ups_go_out_in_order_truncation_checkin_notice() -> None:
    done = ["utter_dangers"]
    order = []
    for _ in range(4):
        follow = next_follow_up(turn(CHECKING, "dangers", done, notice_shown=False, truncated=True))
        order.append(follow.action)
        done.append(follow.action)
    assert order == [INPUT_TRUNCATED, CHECK_IN, SESSION_NOTICE, "action_listen"]


def test_a_custom_action_that_said_nothing_gets_the_degraded_reply_then_listens() -> None:
    failed = Turn(None, "compare_care_levels", ("action_compare_care_levels",), True, False, custom_action_failed=True)
    assert next_follow_up(failed).action == ACTION_UNAVAILABLE
    after = Turn(None, "compare_care_levels", ("action_compare_care_levels", ACTION_UNAVAILABLE), True, False)
    assert next_follow_up(after).action == "action_listen"
    worked = Turn(None, "compare_care_levels", ("action_compare_care_levels",), True, False)
    assert next_follow_up(worked).action == "action_listen"


def test_back_to_normal_after_check_ins_listens_instead_of_leaving_it_to_the_rules() -> None:
    # "I'm safe" after a check-in (not right after the re-check question): the reply clears the state, then listen.
    resume = next_follow_up(turn(RECHECKING, "confirm_safe"))
    assert (resume.action, resume.safety_state) == (RESUME, None)
    assert next_follow_up(turn(None, "confirm_safe", [RESUME])).action == "action_listen"
    assert next_follow_up(turn(CHECKING, "deny", [NOT_SAFE_REPLY])).action == "action_listen"


def test_a_runaway_turn_ends_in_listening_before_rasas_circuit_breaker() -> None:
    runaway = Turn(None, "confirm_safe", ("action_default_fallback",) * 3, True, actions_since_listen=MAX_ACTIONS_BEFORE_LISTEN)
    assert next_follow_up(runaway).action == "action_listen"
    assert MAX_ACTIONS_BEFORE_LISTEN < 10  # Rasa's default max_number_of_predictions
    assert next_follow_up(Turn(None, "side_effects", (), True, actions_since_listen=1)) is None


# ---- possible risk: the direct question, and what its answer leads to
def asked(state, intent, done=(), check=None, spanish=False) -> Turn:
    return Turn(state, intent, tuple(done), True, check_ask=check, spanish=spanish)


def test_a_possible_risk_with_nothing_to_answer_gets_the_direct_question_and_waits() -> None:
    first = next_follow_up(asked(None, "risk_unclear", check="suicide"))
    assert (first.action, first.safety_state, first.sets_state) == (ASK_DIRECT["suicide"], ASKED_SUICIDE, True)
    assert next_follow_up(asked(None, "risk_unclear", [ASK_DIRECT["suicide"]], check="suicide")).action == "action_listen"
    danger = next_follow_up(asked(None, "risk_unclear", check="danger"))
    assert (danger.action, danger.safety_state) == (ASK_DIRECT["danger"], ASKED_DANGER)


def test_a_possible_risk_with_a_question_gets_the_answer_then_the_direct_question() -> None:
    follow = next_follow_up(Turn(None, "withdrawal_timeline", ("utter_withdrawal_timeline",), False, check_ask="suicide"))
    assert (follow.action, follow.safety_state, follow.sets_state) == (ASK_DIRECT["suicide"], ASKED_SUICIDE, True)
    done = ("utter_withdrawal_timeline", ASK_DIRECT["suicide"])
    assert next_follow_up(Turn(ASKED_SUICIDE, "withdrawal_timeline", done, False, check_ask="suicide")).action == "action_listen"


def test_no_to_the_direct_question_is_thanked_and_ends_the_check() -> None:
    for intent in ("deny", "confirm_safe"):
        follow = next_follow_up(asked(ASKED_SUICIDE, intent))
        assert (follow.action, follow.safety_state) == (ASK_DIRECT_THANKS, None)
    assert next_follow_up(asked(None, "deny", [ASK_DIRECT_THANKS])).action == "action_listen"


def test_just_kidding_after_the_direct_question_gets_the_gentle_recheck() -> None:
    follow = next_follow_up(asked(ASKED_SUICIDE, "deny_risk"))
    assert (follow.action, follow.safety_state) == (RECHECK, RECHECKING)


def test_yes_or_anything_unclear_to_the_direct_question_gets_the_crisis_reply() -> None:
    for intent in ("affirm", "not_safe", "nlu_fallback", "out_of_scope"):
        follow = next_follow_up(asked(ASKED_SUICIDE, intent))
        assert (follow.action, follow.safety_state) == ("utter_crisis_suicide", CHECKING), intent
        assert next_follow_up(asked(ASKED_SUICIDE, intent, ["utter_crisis_suicide"])).action == ASK_SAFE_NOW
    assert next_follow_up(asked(ASKED_DANGER, "affirm")).action == DANGER_NOW


def test_an_ordinary_question_instead_of_an_answer_is_answered_and_ends_the_check() -> None:
    assert next_follow_up(asked(ASKED_SUICIDE, "side_effects")) is None
    follow = next_follow_up(asked(ASKED_SUICIDE, "side_effects", ["utter_side_effects"]))
    assert (follow.action, follow.safety_state, follow.sets_state) == ("action_listen", None, True)


def test_a_new_risk_statement_while_asked_is_left_to_the_crisis_rules() -> None:
    assert next_follow_up(asked(ASKED_SUICIDE, "risk_suicide")) is None


# ---- Spanish
def test_a_risk_stated_in_spanish_gets_the_spanish_crisis_reply_then_are_you_safe_in_spanish() -> None:
    spanish = Turn(None, "risk_suicide", (), True, risk_category="suicide", spanish=True)
    first = next_follow_up(spanish)
    assert (first.action, first.safety_state) == (SPANISH_CRISIS["suicide"], CHECKING)
    then = Turn(None, "risk_suicide", (SPANISH_CRISIS["suicide"],), True, risk_category="suicide", spanish=True)
    assert next_follow_up(then).action == ASK_SAFE_NOW_ES
    assert next_follow_up(Turn(None, "risk_suicide", (), True, risk_category="suicide")) is None  # English: rules


def test_every_risk_category_has_a_spanish_reply() -> None:
    from bot.safety.categories import RISK_CATEGORIES

    assert set(SPANISH_CRISIS) == set(RISK_CATEGORIES)


def test_a_message_it_cannot_place_right_after_a_crisis_reply_gets_are_you_safe_not_did_you_mean() -> None:
    for intent in ("nlu_fallback", "out_of_scope", "input_non_english"):
        follow = next_follow_up(turn(CHECKING, intent))
        assert (follow.action, follow.safety_state) == (CHECK_IN, CHECKING), intent
    assert next_follow_up(turn(CHECKING, "nlu_fallback", [CHECK_IN])).action == "action_listen"


def test_no_im_not_to_the_direct_question_is_a_no_even_when_the_classifier_hears_not_safe() -> None:
    follow = next_follow_up(Turn(ASKED_SUICIDE, "not_safe", (), True, reply_opens_with="no"))
    assert (follow.action, follow.safety_state) == (ASK_DIRECT_THANKS, None)


def test_a_plain_no_to_the_direct_question_is_a_no_even_when_the_model_doubts_it() -> None:
    doubted = Turn(ASKED_SUICIDE, "risk_unclear", (), True, check_ask="suicide", reply_opens_with="no", plain_no=True)
    assert next_follow_up(doubted).action == ASK_DIRECT_THANKS
    # "no I'm not ok" is not a plain no: the model's doubt stands and the helplines come.
    more = Turn(ASKED_SUICIDE, "risk_unclear", (), True, check_ask="suicide", reply_opens_with="no")
    assert next_follow_up(more).action == "utter_crisis_suicide"


def test_the_direct_question_is_asked_once_then_the_assistant_listens() -> None:
    after = Turn(ASKED_SUICIDE, "risk_unclear", (ASK_DIRECT["suicide"],), True, check_ask="suicide")
    assert next_follow_up(after).action == "action_listen"


def test_im_not_safe_out_of_the_blue_gets_the_emergency_reply_and_starts_the_checks() -> None:
    follow = next_follow_up(turn(None, "not_safe"))
    assert (follow.action, follow.safety_state, follow.sets_state) == (NOT_SAFE_REPLY, CHECKING, True)


def test_safety_described_after_a_crisis_reply_is_thanked_and_answers_resume() -> None:
    protected = Turn(CHECKING, "confirm_safe", (), True, False, protective=True)
    follow_up = next_follow_up(protected)
    assert (follow_up.action, follow_up.safety_state, follow_up.sets_state) == (RESUME, None, True)


def test_safety_described_after_the_direct_question_is_a_no() -> None:
    protected = Turn(ASKED_SUICIDE, "nlu_fallback", (), True, False, protective=True)
    assert next_follow_up(protected).action == ASK_DIRECT_THANKS


def test_a_no_to_the_direct_question_with_a_question_in_it_is_answered_and_the_state_ends() -> None:
    said_no = replace(turn(ASKED_SUICIDE, "withdrawal_timeline"), reply_opens_with="no")
    assert next_follow_up(said_no) is None  # the rules answer the question
    answered = next_follow_up(replace(said_no, actions_this_turn=("utter_withdrawal_timeline",)))
    assert (answered.action, answered.safety_state, answered.sets_state) == ("action_listen", None, True)


def test_a_no_with_nothing_else_to_answer_is_thanked() -> None:
    for intent in ("deny", "nlu_fallback", "thank"):
        said_no = replace(turn(ASKED_SUICIDE, intent), reply_opens_with="no")
        assert next_follow_up(said_no).action == ASK_DIRECT_THANKS, intent


def test_a_question_that_also_describes_safety_is_answered_then_thanked() -> None:
    asked = Turn(CHECKING, "care_levels", (), True, False, protective=True)
    assert next_follow_up(asked) is None  # the rules answer the question first
    after = next_follow_up(Turn(CHECKING, "care_levels", ("utter_care_levels",), True, False, protective=True))
    assert (after.action, after.safety_state, after.sets_state) == (RESUME, None, True)


# ---- whole turns: the plan is made from the state the turn began with (the policy reads it so), and the state it
# moves to is set once, with the first follow-up
def play_turn(first: Turn, answer: str = "") -> tuple:
    """The actions of one turn after `answer` (when an answer rule ran first) and the state set, until it listens."""
    said, state_set = ((answer,) if answer else ()), []
    while True:
        follow = next_follow_up(replace(first, actions_this_turn=said))
        if follow is None or follow.action == "action_listen":
            return said, state_set
        said = (*said, follow.action)
        if follow.sets_state:
            state_set.append(follow.safety_state)
        assert len(said) < MAX_ACTIONS_BEFORE_LISTEN


def test_a_long_possible_risk_with_nothing_to_answer_gets_the_cut_note_then_the_direct_question() -> None:
    long_message = Turn(None, "risk_unclear", (), True, truncated_input=True, check_ask="suicide")
    assert play_turn(long_message) == ((INPUT_TRUNCATED, ASK_DIRECT["suicide"]), [ASKED_SUICIDE])


def test_a_long_possible_risk_with_a_question_gets_the_answer_the_cut_note_then_the_direct_question() -> None:
    long_question = Turn(None, "withdrawal_timeline", (), True, truncated_input=True, check_ask="suicide")
    played = play_turn(long_question, answer="utter_withdrawal_timeline")
    assert played == (("utter_withdrawal_timeline", INPUT_TRUNCATED, ASK_DIRECT["suicide"]), [ASKED_SUICIDE])


def test_a_long_message_after_the_direct_question_still_gets_the_crisis_reply_first() -> None:
    unclear = Turn(ASKED_SUICIDE, "affirm", (), True, truncated_input=True)
    assert play_turn(unclear) == (("utter_crisis_suicide", ASK_SAFE_NOW), [CHECKING])


def after_an_emergency(state=CHECKING, intent="medical_advice", done=(), spanish=False, after_emergency=True) -> Turn:
    return replace(turn(state, intent, done), help_coming=True, after_emergency=after_emergency, spanish=spanish)


def test_help_on_the_way_after_an_emergency_reply_gets_what_to_do_until_it_arrives() -> None:
    follow = next_follow_up(after_an_emergency())
    assert (follow.action, follow.safety_state) == (HELP_COMING, CHECKING)
    assert next_follow_up(after_an_emergency(done=[HELP_COMING])).action == "action_listen"
    assert next_follow_up(after_an_emergency(RECHECKING, "nlu_fallback")).action == HELP_COMING


def test_help_on_the_way_said_in_spanish_gets_the_spanish_steps() -> None:
    assert next_follow_up(after_an_emergency(spanish=True, intent="nlu_fallback")).action == HELP_COMING_ES


def test_help_on_the_way_answers_is_someone_in_danger_without_an_earlier_emergency_reply() -> None:
    assert next_follow_up(after_an_emergency(ASKED_DANGER, "affirm", after_emergency=False)).action == HELP_COMING


def test_help_on_the_way_after_a_suicide_crisis_reply_keeps_the_usual_check_in() -> None:
    follow = next_follow_up(after_an_emergency(after_emergency=False, intent="nlu_fallback"))
    assert follow.action == CHECK_IN


def test_a_new_risk_statement_while_help_is_coming_is_left_to_the_rules() -> None:
    assert next_follow_up(after_an_emergency(intent="risk_medical_emergency")) is None


def test_asking_whether_to_still_go_after_an_emergency_reply_gets_still_get_checked() -> None:
    asking = replace(turn(CHECKING, "therapy"), still_needs_care=True, after_emergency=True)
    follow = next_follow_up(asking)
    assert (follow.action, follow.safety_state) == (STILL_GO, CHECKING)
    assert next_follow_up(replace(asking, spanish=True)).action == STILL_GO_ES
    # After a suicide crisis reply the same words are not an emergency going on.
    not_after_an_emergency = next_follow_up(replace(asking, after_emergency=False))
    assert not_after_an_emergency is None or not_after_an_emergency.action != STILL_GO


def test_a_no_that_says_im_fine_after_are_you_safe_is_asked_again_not_answered_as_a_danger() -> None:
    assert next_follow_up(replace(turn(CHECKING, "not_safe"), says_fine=True)).action == RECHECK
    assert next_follow_up(turn(CHECKING, "not_safe")).action == NOT_SAFE_REPLY


def test_says_fine_reads_the_speaker_and_not_a_negation() -> None:
    assert says_fine("nah it was for a class assignment, i'm okay")
    assert not says_fine("no i'm not ok at all")
    assert not says_fine("are you fine with that")


def test_a_third_party_warning_sign_played_down_is_recognised() -> None:
    from bot.safety.dialogue import played_down

    assert played_down("he messaged saying he's totally fine, not to worry")
    assert not played_down("my mom is fine now, thanks")
    assert not played_down("don't worry about me")
