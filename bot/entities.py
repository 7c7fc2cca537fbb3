"""Entities the assistant recognizes, with their synonyms, via a spaCy EntityRuler (no training needed)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Tuple

import spacy
from spacy.language import Language

# entity → canonical value → surface forms (lowercase; multi-word forms are matched token by token)
SYNONYMS: Dict[str, Dict[str, List[str]]] = {
    "medication": {
        "clonazepam": [
            "clonazepam", "klonopin", "klonipin", "klonapin", "klonopine", "clonopin", "klonopins", "clonazapam",
            "clonazepan", "clonazapem", "klonazepam", "clonazepam's", "kpin", "kpins", "k-pin", "k-pins", "k pin",
            "k pins", "klonnie", "klonnies", "klons", "rivotril",
        ],
        "alprazolam": ["alprazolam", "xanax", "xannies", "xanny", "xans"],
        "diazepam": ["diazepam", "valium"],
        "lorazepam": ["lorazepam", "ativan"],
        "benzodiazepine": ["benzodiazepine", "benzodiazepines", "benzo", "benzos"],
    },
    "substance": {
        "alcohol": ["alcohol", "beer", "beers", "wine", "vodka", "whiskey", "whisky", "liquor", "booze", "drinks", "drinking"],
        "opioids": [
            "opioid", "opioids", "opiate", "opiates", "oxy", "oxycodone", "oxycontin", "percocet", "percocets",
            "hydrocodone", "vicodin", "heroin", "fentanyl", "morphine", "codeine", "methadone", "tramadol", "lean",
        ],
        "stimulants": ["cocaine", "coke", "amphetamine", "amphetamines", "meth", "adderall", "speed"],
    },
    "care_level": {
        "medical_detox": ["medical detox", "medically supervised detox", "supervised detox", "medical detoxification", "detox"],
        "hospital_detox": ["hospital detox", "inpatient detox", "inpatient hospital", "hospital"],
        "standalone_detox": ["stand-alone detox", "standalone detox", "stand alone detox", "detox center", "detox facility"],
        "social_detox": ["social detox", "social detox program", "non-medical detox"],
        "outpatient_detox": ["outpatient detox", "ambulatory detox"],
        "inpatient_rehab": [
            "inpatient", "inpatient rehab", "residential", "residential rehab", "residential treatment",
            "rehab", "live-in rehab", "inpatient treatment",
        ],
        "partial_hospitalization": ["partial hospitalization", "partial hospitalisation", "php", "day program", "partial hospital"],
        "intensive_outpatient": ["intensive outpatient", "iop", "intensive outpatient program"],
        "outpatient": ["outpatient", "outpatient rehab", "outpatient treatment", "outpatient program", "regular outpatient"],
        "aftercare": ["aftercare", "after care", "aftercare plan"],
        "sober_living": ["sober living", "sober house", "sober home", "sober living home", "halfway house"],
        "support_groups": [
            "support group", "support groups", "12-step", "12 step", "twelve step", "narcotics anonymous", "na meetings",
            "smart recovery", "self-help group", "self-help groups",
        ],
    },
    "symptom": {
        "anxiety": ["anxiety", "anxious", "panic", "panic attacks"],
        "insomnia": ["insomnia", "can't sleep", "sleeplessness"],
        "seizures": ["seizure", "seizures", "convulsions"],
        "tremors": ["tremors", "tremor", "shaking", "shakes"],
        "dizziness": ["dizziness", "dizzy", "lightheaded", "vertigo"],
        "depression": ["depression", "depressed", "low mood"],
        "memory_problems": ["memory loss", "memory problems", "forgetful", "brain fog"],
        "nausea": ["nausea", "nauseous", "vomiting"],
    },
    "country": {
        "US": ["us", "u.s.", "usa", "u.s.a.", "united states", "america", "the states"],
        "CA": ["canada", "canadian"],
        "GB": ["uk", "u.k.", "united kingdom", "britain", "great britain", "england", "scotland", "wales", "northern ireland", "gb"],
        "IE": ["ireland", "eire", "republic of ireland"],
        "AU": ["australia", "aus", "oz"],
        "NZ": ["new zealand", "nz", "aotearoa"],
    },
}

# Short forms that are only a country when the sentence is about location ("I'm in the US", not "tell us").
_CONTEXT_ONLY = {("country", "us"), ("country", "oz"), ("country", "aus"), ("care_level", "hospital")}
_LOCATION_CUES = {"in", "from", "live", "living", "located", "based", "here", "at", "country"}


@dataclass(frozen=True)
class FoundEntity:
    """One recognized entity with character offsets into the text."""

    entity: str
    value: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _ruler_pipeline() -> Language:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True})
    patterns = []
    for entity, values in SYNONYMS.items():
        for value, forms in values.items():
            for form in forms:
                patterns.append({"label": entity, "pattern": form, "id": value})
    ruler.add_patterns(patterns)
    return nlp


def find_entities(text: str) -> List[FoundEntity]:
    """Entities in `text`, longest match first, with context checks for ambiguous short forms."""
    doc = _ruler_pipeline()(text)
    found: List[FoundEntity] = []
    for span in doc.ents:
        key: Tuple[str, str] = (span.label_, span.text.lower())
        if key in _CONTEXT_ONLY:
            window = {token.lower_ for token in doc[max(0, span.start - 3) : span.start]}
            if not window & _LOCATION_CUES or span.text == "us" and span.start > 0 and doc[span.start - 1].lower_ in {"tell", "help", "give", "let", "for", "to", "with", "of"}:
                continue
        found.append(FoundEntity(span.label_, span.ent_id_, span.start_char, span.end_char, span.text))
    return found
