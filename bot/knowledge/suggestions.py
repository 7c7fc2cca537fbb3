"""The closest answers to a message the assistant could not answer with confidence, as buttons.

Used by "Did you mean …?" (the first stage of Rasa's two-stage fallback) and by the honest "the pages I draw on
don't cover that". AnswerSelector stores its best-scoring answers on the message (`answer_selection.suggestions`);
each becomes a button that sends the answer's canonical question, so a tap is answered like any question.
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Optional, Sequence

from bot.knowledge import answers_by_intent

MAX_SUGGESTIONS = 3
# Shown when nothing is close: the most asked-about answers.
DEFAULT_SUGGESTIONS = ("withdrawal_timeline/duration", "withdrawal_symptoms/overview", "side_effects/overview")
SOMETHING_ELSE = {"title": "Something else", "payload": "/out_of_scope"}
ADVICE_TOPIC = "medical_advice"


def suggested_keys(parse_data: Optional[Mapping[str, Any]], limit: int = MAX_SUGGESTIONS) -> List[str]:
    """The answer keys to offer for a message, closest first (never a medical-advice decline)."""
    selection = (parse_data or {}).get("answer_selection") or {}
    known = answers_by_intent()
    keys = [key for key in selection.get("suggestions") or [] if key in known and not key.startswith(ADVICE_TOPIC)]
    if not keys:
        keys = list(DEFAULT_SUGGESTIONS)
    return list(dict.fromkeys(keys))[:limit]


def buttons_for(keys: Sequence[str], something_else: bool = False) -> List[Dict[str, str]]:
    """One button per answer: its title, sending its canonical question."""
    known = answers_by_intent()
    buttons = [{"title": known[key].title, "payload": known[key].question} for key in keys if key in known]
    return [*buttons, SOMETHING_ELSE] if something_else else buttons
