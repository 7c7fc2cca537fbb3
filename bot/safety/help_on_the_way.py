"""Whether a message says an emergency is still going on while help is on its way ("911 is coming, what do I do?").

Right after an emergency reply, "the ambulance is on the way, should I roll her onto her side?" is not a new risk
statement and not an ordinary question: it is the same emergency, and the person needs to hear what to do until help
arrives (bot.safety.dialogue). Help that has already arrived ("the paramedics are here", "she's at the hospital") is
a protective statement instead (bot.safety.lexicon.PROTECTIVE), and it ends the emergency here too.

Plain regular expressions on the folded, lowercased text: this runs on every message and must cost next to nothing.
"""

from __future__ import annotations

import re

from bot.safety.normalize import fold_accents

_HELPERS = (
    r"911|999|112|000|111|ems|emts?|ambulance|paramedics?|medics|dispatch(?:er)?|police|cops|fire ?(?:truck|department|dept)"
    r"|help|they|theyre|they are|someone|emergencias|ambulancia|paramedicos|ayuda|los bomberos"
)
_COMING = (
    r"on (?:the|their|its|her|his) way|coming|en ?route|arriving|almost here|nearly here|(?:a )?few (?:minutes|mins) away"
    r"|\d+ (?:minutes|mins) away|en camino|vienen|viene|llegan|llega|va a llegar|van a llegar|estan por llegar"
)
_CALLED = r"called|calling|dialed|dialled|rang|phoned|on the phone with|on the line with|llame|llamamos|marque|estoy llamando"
# "ok calling now" right after an emergency reply: the call is being made.
_CALLING_NOW = r"(?:calling|ringing|dialing|dialling|phoning) (?:them |it |911 |999 |000 |112 |the ambulance )?now|llamando ahora|ya estoy llamando"
_EMERGENCY_NUMBER = r"911|999|112|000|an ambulance|the ambulance|ems|emergencias|la ambulancia|una ambulancia|al 911|al 112|dispatch"
_WAITING = (
    r"(?:until|till|til|while|before) (?:they|help|the ambulance|an ambulance|the paramedics|paramedics|ems|the medics|someone)"
    r" (?:get|gets|arrive|arrives|come|comes|shows? up|is here|are here)"
    r"|in the meantime|meanwhile|mientras (?:llegan|llega|viene|vienen|esperamos|espero)|hasta que (?:lleguen|llegue)"
)
_WHAT_NOW = (
    r"what (?:do|should|can|shall|must) (?:i|we) do|what (?:do|should|can) (?:i|we) (?:watch|look) (?:for|out for)|what do i do now|(?:roll|turn|lay|put|move) (?:her|him|them) (?:on|onto)"
    r"|on(?:to)? (?:her|his|their) side|recovery position|\bcpr\b|que (?:hago|hacemos|debo hacer|tengo que hacer)"
    r"|la pongo de lado|lo pongo de lado"
)
# Help already here, or the emergency over: protective, not ongoing.
_OVER = (
    r"(?:paramedics|ambulance|ems|they|medics|police) (?:are|is|just|got) (?:here|there|arrived|came)|arrived|at the hospital"
    r"|in the hospital|(?:she|he|they)(?: is| are|s|re) (?:ok|okay|fine|alright|awake now|doing better)|ya llegaron|ya esta bien"
    # A bare "they're here" also follows threats ("my ex is coming over"): it counts with what they are doing.
    r"|(?:paramedics are|ems is|ambulance is|medics are|the ambulance is|the paramedics are) here(?: now)?"
    r"|(?:theyre|they are) here(?: now)?,? (?:and )?(?:taking|with|looking after|helping|checking|working on) (?:him|her|them)"
    r"|(?:taking|took|taken|loading|rushed) (?:him|her|them) (?:in|away|to (?:the )?(?:hospital|er|a&e|emergency))"
    r"|(?:taking|took) (?:him|her|them)\W{0,3}(?:thank|thanks)|se lo llevaron|se la llevaron|ya se (?:lo|la) llevaron"
    r"|(?:ambulance|paramedics|ems|medics|police) (?:just )?(?:pulled up|got here|is outside|are outside|at the door)"
    r"|(?:at|in) the (?:\w+ )?(?:hospital|er|a&e|emergency room|emergency department)|(?:en|ya en) (?:el hospital|urgencias)"
)
# After an emergency reply: the signs ease or a professional said to watch at home, and the person asks whether they
# still need to go, or what would mean going. The emergency is not over until a clinician has seen the person.
_EASING = (
    r"calmer|better|easing|eased|settl\w*|woke up|awake|stopped|passed|gone|fine now|ok now|okay now"
    r"|watch (?:her|him|them|it)|keep an eye|monitor|mas tranquil\w*|mejor|se le paso|ya paso"
)
_STILL_GO = (
    r"(?:still|do (?:i|we) (?:still )?(?:need|have) to|should (?:i|we) (?:still )?|must (?:i|we))"
    r" (?:go|going|take (?:her|him|them)|bring (?:her|him|them)|call|get (?:her|him|them|it) checked)"
    r"|what (?:signs|symptoms)\b[^.?!]{0,30}\b(?:go|er|hospital|call|911|999|112|000|worry|worried)"
    r"|when (?:do|should|would) (?:i|we) (?:go|call|take (?:her|him|them))"
    r"|(?:tenemos|tengo) que (?:ir|llevarl[oa])|hay que (?:ir|llevarl[oa])|todavia (?:hay que|tenemos que|tengo que)"
)

# Said without a question, these still need the answer "please still get checked": calling help off, waiting it out,
# the person refusing help after an emergency reply.
_CALLING_OFF = (
    r"(?:maybe|should|can|could) (?:we|i) cancel(?= ?(?:\?|$|it\b|them\b|the ambulance|the call|911|999|000))"
    r"|cancel (?:the ambulance|the call|it|them)|call (?:it|them|the ambulance) off|call off the"
    r"|send (?:them|it|the ambulance) (?:away|back)|(?:wait|waiting) it out|sleep it off|probably (?:just )?(?:anxiety|nothing|fine)"
    r"|(?:wont|will not|doesnt|does not|refuses to) let (?:me|us) call|(?:wont|will not|refuses to) (?:go|come)|refus\w* (?:help|to go)"
    r"|says (?:hes|shes|he is|she is|theyre|they are) fine|no quiere ir|no me deja llamar"
)

_STILL_NEEDS_CARE = re.compile(rf"\b(?:{_STILL_GO})\b")
_CALLS_OFF = re.compile(rf"\b(?:{_CALLING_OFF})\b")
_EASES = re.compile(rf"\b(?:{_EASING})\b")

_ONGOING = re.compile(
    rf"\b(?:{_HELPERS})\b[^.?!]{{0,25}}?\b(?:{_COMING})\b"
    rf"|\b(?:{_CALLED})\b[^.?!]{{0,10}}?\b(?:{_EMERGENCY_NUMBER})\b"
    rf"|\b(?:{_WAITING})\b"
    rf"|\b(?:{_WHAT_NOW})"
    rf"|\b(?:{_CALLING_NOW})\b"
)
_FINISHED = re.compile(rf"\b(?:{_OVER})\b")


def _folded(text: str) -> str:
    return fold_accents((text or "").lower().replace("’", "'").replace("'", ""))


def help_on_the_way(text: str) -> bool:
    """True when the message speaks of an emergency still going on: help called or coming, what to do meanwhile."""
    folded = _folded(text)
    return bool(_ONGOING.search(folded)) and not _FINISHED.search(folded)


def help_arrived(text: str) -> bool:
    """True when the message says help has arrived or taken the person ("they're here now and taking him"), and
    nobody is calling it off ("he says he's fine" while refusing help is not help arrived)."""
    folded = _folded(text)
    return bool(_FINISHED.search(folded)) and not _CALLS_OFF.search(folded)


def still_needs_care(text: str) -> bool:
    """True when the person asks whether they still need to go, or what signs would mean going ("she's calmer now,
    do we still need to go in?", "poison control said to watch her, what signs mean we go to the ER?")."""
    folded = _folded(text)
    if _CALLS_OFF.search(folded):
        return True  # "she's talking more now, maybe we cancel?", "I'll wait it out", "he won't let me call anyone"
    return bool(_STILL_NEEDS_CARE.search(folded)) and (bool(_EASES.search(folded)) or "signs" in folded or "sintomas" in folded)
