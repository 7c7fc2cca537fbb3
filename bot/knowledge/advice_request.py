"""Whether a message asks what someone should do with their own (or a relative's) medicine: a personal-advice request.

The intent classifier recognises most advice requests. Some it cannot place ("my dad wants to double his klonopin
because he's not sleeping, is that ok" fell back to "Did you mean …?"; crushing a parent's tablet into food read as a
subject the pages don't cover). Those still deserve the kind decline with a referral, never "I'm not sure I
understood". This check only decides between a fallback and the decline (bot.components.answer_selector), so it
needs all four: asking permission or a recommendation, a change to how a medicine is taken, the medicine, and a
person it is for ("is it dangerous to mix klonopin and alcohol" is a general question).
"""

from __future__ import annotations

import re

from bot.safety.normalize import fold_accents

_ASKING = re.compile(
    r"\b(?:is (?:that|it|this) (?:ok|okay|safe|fine|alright|all right|bad|dangerous|a bad idea|smart)"
    r"|should (?:i|he|she|we|they|my)|can (?:i|he|she|we|they|my)|could (?:i|he|she|we|they)|would it be"
    r"|(?:ok|okay|safe|fine|alright) (?:to|if)|(?:a )?(?:good|bad|smart|wise) (?:idea|move|plan)|do you think (?:i|he|she|we|they)|is it better|better for (?:me|him|her)"
    r"|puedo|puede|debo|deberia|esta bien|es mejor|le doy|me tomo|tomo)\b"
)
_CHANGE = re.compile(
    r"\b(?:double|doubling|doubled|triple|extra|another|second one|skip|skipping|miss(?:ed)?|stop|stopping|quit|cut"
    r"|cutting|drop|dropping|lower|reduce|increase|raise|up (?:the|my|his|her) dose|updose|reinstate|go back on|switch|swap|crush"
    r"|crushing|grind|grinding|mash|mashing|dissolve|split|mix|combine|take (?:it|them|one|two|more|some|half)|give (?:him|her|them)|refuse"
    r"|come off|get off|go off|taper off|wean|titrate|titration|along with|on top of|together with"
    r"|(?:while|when) (?:tapering|taking|on)"
    r"|doble|dos|saltar|dejar|cambiar|aumentar|subir|bajar|triturar|moler|mezclar|partir)\b"
)
_MEDICINE = re.compile(
    r"\b(?:klonopin|klonipin|clonazepam|clonazepan|kpins?|k pins?|benzos?|pills?|tablets?|doses?|mg|xanax|valium"
    r"|ativan|lorazepam|diazepam|alprazolam|meds|medication|medicine|rivotril|pastillas?|dosis|clonazepam)\b"
)


_PERSONAL = re.compile(r"\b(?:i|im|i'm|my|me|he|she|his|her|him|we|our|us|mi|mis|su|sus|yo)\b")


# Pregnancy and breastfeeding are a subject the pages do not cover (bot.knowledge.coverage): that reply stays.
_COVERAGE_SUBJECTS = re.compile(r"\b(?:pregnan\w*|breastfe\w*|nursing|embarazad\w*|lactancia|amamant\w*)\b")


def personal_advice_request(text: str) -> bool:
    """True when the message asks whether someone should change how they take a medicine."""
    folded = fold_accents((text or "").lower().replace("’", "'"))
    if _COVERAGE_SUBJECTS.search(folded):
        return False
    return all(pattern.search(folded) for pattern in (_ASKING, _CHANGE, _MEDICINE, _PERSONAL))
