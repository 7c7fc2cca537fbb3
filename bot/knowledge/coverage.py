"""Questions on subjects the seed pages never touch, so that they get an honest "not covered" instead of the nearest
answer.

A question such as "does clonazepam show up on a urine test" lands close to the half-life answer, and "can I take my
Klonopin on a flight to Japan" close to the controlled-substance one. Both answers are true, but neither answers the
question, and a confident wrong answer is worse than saying so. Each subject below is something none of the five
pages covers (tests/bot/knowledge/test_coverage.py checks that no seed page and no cited answer mentions it). When a
question names one, the answer selector says the pages don't cover it and offers the nearest answers as buttons.

Only subjects, never intentions: a personal-advice request keeps its decline, and the safety layer still decides
about risk after this (bot.components.safety_classifier), so "I'm pregnant and took a whole bottle" is an emergency.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, Optional, Pattern, Tuple

from bot.safety.normalize import fold_accents

# Subject → what names it, in English and in Spanish (matched without accents, case-insensitive).
UNCOVERED_SUBJECTS: Dict[str, str] = {
    "drug testing": (
        r"drug (test|screen)\w* (for|detect|show|pick)\w*|"
        r"(urine|hair|saliva|swab|pee|piss|ua) (tests?|screens?|samples?)|"
        r"tox screen\w*|(show|shows|showing) up (on|in) (a |my |the )?(drug )?(tests?|screens?|urine|pee|ua)|"
        r"(stay|stays|last|lasts|detectable|detected) in (your|my|his|her|the) (urine|pee|hair)|"
        r"(pass|passing|fail|failed|failing) (a|my|the) (drug )?(test|screen)|detection (window|time)|antidoping|"
        r"(\d+|five|ten) panel|hair follicle|"
        r"(prueba|examen|analisis) (de|en) (orina|drogas?|cabello)\w*"
    ),
    "the law, courts and work": (
        r"court(?! order)|custody|lawyer|attorney|lawsuit|suing|dui|dwi|arrest\w*|jail|prison|probation|parole|"
        r"criminal record|malpractice|fmla|faa|pilots?|dot physical|cdl|breathalyzer|get fired|fire me|fired for|"
        r"(il)?legal to drive|disability (benefits|claim|leave|payments?)|ssdi|illegal to (give|share|sell|buy|order)|"
        r"legal to (give|share|sell|buy|order)|allowed by law|by law|on (my|your) taxes|tax (deduction|return|claim)|"
        r"prescriptions? (is |are )?(valid|good) for|how long is (a |my |the )?\w* ?prescription valid|"
        r"abogad\w*|custodia|demanda\w*|carcel|juez|tribunal|incapacidad laboral"
    ),
    "travel with the medicine": (
        r"(bring|bringing|carry|carrying|pack|packing|take|taking|fly|flying|travel\w*) "
        r"(with )?(my |the |your |a |some )?"
        r"(klonopin|clonazepam|kpins?|pills?|meds|medications?|medicines?|prescriptions?|benzos?|rivotril|it|them)\b"
        r".{0,40}\b(flight|plane|airport|abroad|overseas|country|international\w*|customs|tsa|trip|vacation|cruise|"
        r"border|mexico|canada|japan|europe|uk|dubai)|"
        r"travel\w* (internationally|abroad|overseas)|"
        r"(fly|flying|travel\w*) with (my |the )?(klonopin|clonazepam|kpins?|pills|meds|medications?|benzos|rivotril)|"
        r"tsa|customs|airport security|"
        r"(llevar|viajar con|cruzar con) .{0,30}(rivotril|clonazepam|pastillas|medicamentos?|medicinas?)"
        r".{0,40}(avion|aeropuerto|extranjero|viaje|aduana|pais|frontera)"
    ),
    "pharmacy hours and stores": (
        r"walgreens|cvs|rite ?aid|walmart|costco|kroger|open (24|late|on (sundays?|saturdays?|weekends?|holidays?))|"
        r"store hours|opening hours|what time does (the|my|a) \w+ (open|close)|"
        r"farmacias? (del ahorro|guadalajara|similares|benavides)|(abierta|abren|cierran) (hoy|los domingos|24)"
    ),
    "prices and insurance plans": (
        r"prices?(?! to pay)|pricing|cheaper|cheapest|coupons?|goodrx|co-?pays?|deductible|out of pocket|"
        r"medicare|medicaid|part d|aetna|cigna|humana|kaiser|tricare|blue ?cross|bcbs|united ?healthcare|obamacare|"
        r"cost of (a |the |my )?(klonopin|clonazepam|generic|pills?|prescription|script|refill|medication)|"
        r"(klonopin|clonazepam|generic|pills?|prescription|script|refill|rivotril) (costs?|price)|"
        r"cuanto (cuesta|cuestan|vale|valen)|precios?|barat[oa]s?"
    ),
    "pregnancy and breastfeeding": (
        r"pregnan\w*|breast ?feed\w*|breast ?milk|nursing (my|a|the) (baby|infant|newborn)|trying to conceive|"
        r"fertility|embaraz\w*|lactancia|amamant\w*"
    ),
    "side effects the pages don't list": (
        r"hair (loss|falling out|thinning|fall)|losing (my )?hair|weight (gain|loss)|gain(ed|ing)? weight|"
        r"lose weight|libido|sex drive|erectile|acne|tinnitus|teeth|cavities|caida del (pelo|cabello)|subir de peso|"
        r"aumento de peso|dientes"
    ),
    "what the tablets look like": (
        r"what (do|does) (a |an |the |my )?(\d+ ?mg |generic |real |fake )?(klonopin|clonazepam|pills?|tablets?|kpins?|"
        r"rivotril) look like|what colou?r|colou?r (is|are|of)|imprint|wafers?|orally disintegrating|odt|"
        r"pill identifier|k cut ?out|de que color|como se ve la pastilla"
    ),
    "storage, expiry and disposal": (
        r"expir\w*|shelf life|how (should|do) i store|storage|dispos\w*|"
        r"get rid of (the |my |our )?(leftover|old|extra|unused|expired)|(leftover|unused|expired) (pills|klonopin|"
        r"clonazepam|tablets|meds)|caduc\w*|vencid\w*|desechar"
    ),
    "the drug's history and maker": (
        r"(who|what company) (makes|made|manufactures|invented) (klonopin|clonazepam|rivotril|it|the drug)|"
        r"manufacturer|invented|"
        r"first (approved|made|sold|marketed|came out)|fda[- ]approv\w*|roche|quien (lo )?(fabrica|invento)"
    ),
    "children and animals as patients": (
        r"(kids|children|toddlers|teens|teenagers) (be )?(take|taking|prescribed|given|use)|"
        r"(prescrib\w*|give|given|giving) (it |klonopin |clonazepam )?(to )?(kids|children|a child|toddlers|teens)|"
        r"for (kids|children)|(kids|children) (are )?allowed|pediatric\w*|"
        r"(vets?|veterinarians?|veterinarios?) (ever )?(prescribe|use|give|recet)\w*|for (dogs|cats)|pediatr\w*"
    ),
    "other medical conditions": (
        r"glaucoma|sleep apnea|apnea|asthma|copd|kidneys?|renal|"
        r"liver (disease|damage|problems?|function|failure|enzymes)|hard on (the |your |my )?liver|metaboli[sz]\w*|"
        r"hepat\w*|higado|rinon(es)?"
    ),
    "other medicines": (
        r"lamotrigine|lamictal|antibiotics?|birth control|contracepti\w*|grapefruit|flu shot|vaccines?|melatonin|"
        r"ssris?|sertraline|zoloft|lexapro|escitalopram|prozac|fluoxetine|gabapentin|neurontin|"
        r"flumazenil|antidotes?|ambien|zolpidem|z-?drugs?|midazolam|anticonceptiv\w*|antibiotico\w*|"
        r"buspirone|buspar|seroquel|quetiapine|ashwagandha|phenibut|kratom|zopiclone|hydroxyzine|atarax|propranolol|"
        r"pregabalin|lyrica|trazodone|mirtazapine|remeron|citalopram|paroxetine|paxil|venlafaxine|effexor|duloxetine|"
        r"cymbalta|bupropion|wellbutrin"
    ),
    "blood donation": r"donat\w* (blood|plasma)|give blood|donar sangre",
    "the Ashton manual": r"ashton",
    "telehealth": r"telehealth|telemedicine|online doctor",
    "dementia as a risk": (
        r"(cause|causes|causing|linked to|link to|risk of|lead to|leads to|give you|get|getting) "
        r"(dementia|alzheimer\w*)|"
        r"causa demencia"
    ),
    "street names and guidelines": r"street names?|slang (names?|terms?)|beers (criteria|list)|paradoxical",
    "success and relapse rates": r"success rates?|relapse rates?|tasa de (exito|recaida)",
}


# The nearest answer that still serves a question on the subject ("does Medicaid pay for detox": the pages say
# insurance often covers treatment and who can tell you what your plan covers).
SERVED_BY: Dict[str, Tuple[str, ...]] = {
    "prices and insurance plans": ("treatment_access/paying",),
    "other medicines": ("treatment_access/home_remedies",),
}


@lru_cache(maxsize=1)
def _patterns() -> Dict[str, Pattern[str]]:
    return {subject: re.compile(rf"\b({words})\b") for subject, words in UNCOVERED_SUBJECTS.items()}


def uncovered_subject(text: Optional[str], answer: Optional[str] = None) -> Optional[str]:
    """The subject the pages don't cover that a message names, or None; None too when `answer` (the answer the
    selector chose) still serves questions on that subject."""
    if not text:
        return None
    folded = fold_accents(text.lower())
    for subject, pattern in _patterns().items():
        if pattern.search(folded) and answer not in SERVED_BY.get(subject, ()):
            return subject
    return None
