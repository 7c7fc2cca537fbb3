"""A word-for-word English gloss of a Spanish question, for the intent classifiers only.

The classifiers and the answer selector learnt English (MiniLM reads English), so "¿Cuánto dura la abstinencia del
clonazepam?" used to get "I can only answer in English". Glossed, it reads "how long last the withdrawal of the
clonazepam?", which they place on the right answer; the person then gets that (English) answer with a note in Spanish
on where to get help in Spanish. The gloss is never shown and never screened for risk: the lexicon guard and the
risk model read the person's own words (bot.components.safety_classifier).

The glossary covers the words of questions about benzodiazepines, withdrawal, side effects and levels of care;
other words pass through unchanged (drug names read the same in both languages).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Dict, List, Tuple

# Phrases first (longest first when applied), then single words. Keys are lowercase and without accents.
PHRASES: Dict[str, str] = {
    "de golpe": "suddenly cold turkey",
    "hace anos": "years ago",
    "se puede": "can you",
    "sale en": "shows up in",
    "seguro medico": "health insurance",
    "prueba de drogas": "drug test",
    "examen antidoping": "drug test",
    "dar pecho": "breastfeed",
    "a salvo": "safe",
    "ya no": "no longer",
    "de repente": "suddenly",
    "cuanto tiempo": "how long",
    "cuanto dura": "how long does last",
    "cuanto duran": "how long do last",
    "por que": "why",
    "para que sirve": "what is it used for",
    "para que se usa": "what is it used for",
    "efectos secundarios": "side effects",
    "efectos adversos": "side effects",
    "efectos a largo plazo": "long term effects",
    "largo plazo": "long term",
    "sindrome de abstinencia": "withdrawal syndrome",
    "grupos de apoyo": "support groups",
    "grupo de apoyo": "support group",
    "terapia cognitivo conductual": "cognitive behavioral therapy",
    "terapia familiar": "family therapy",
    "terapia de grupo": "group therapy",
    "hospitalizacion parcial": "partial hospitalization",
    "ambulatorio intensivo": "intensive outpatient",
    "en casa": "at home",
    "se puede": "can you",
    "puedo": "can i",
    "debo": "should i",
    "tengo que": "do i have to",
    "hay que": "do you have to",
    "examen de orina": "urine drug test",
    "prueba de orina": "urine drug test",
    "prueba de drogas": "drug test",
    "seguro medico": "health insurance",
    "sin seguro": "without insurance",
    "vida sobria": "sober living",
    "casa de vida sobria": "sober living house",
    "mas seguro": "safest",
    "mas segura": "safest",
    "doce pasos": "twelve step",
    "primera evaluacion": "first evaluation",
    "despues de": "after",
    "antes de": "before",
    "se me olvido": "i forgot",
    "se me paso": "i missed",
    "el doble": "double",
    "doble dosis": "double dose",
    "para mi": "for me",
    "me conviene": "is better for me",
    "cuidados posteriores": "aftercare",
    "plan de cuidados": "aftercare plan",
    "vivienda sobria": "sober living",
    "se detecta": "shows up",
    "que viene": "next",
}
WORDS: Dict[str, str] = {
    "que": "what", "cual": "which", "cuales": "which", "cuanto": "how much", "cuanta": "how much",
    "cuantos": "how many", "cuantas": "how many", "cuando": "when", "como": "how", "donde": "where",
    "quien": "who", "es": "is", "son": "are", "esta": "is", "estan": "are", "estoy": "i am", "hay": "are there",
    "tiene": "has", "tengo": "i have", "sirve": "works", "funciona": "works", "causa": "cause", "causar": "cause",
    "provoca": "cause", "produce": "cause", "dura": "lasts", "duran": "last", "empiezan": "start",
    "empieza": "starts", "comienzan": "start", "comienza": "starts", "aparecen": "appear", "terminan": "end",
    "dejar": "stop", "deje": "stopped", "dejo": "stopped", "dejando": "stopping", "parar": "stop", "quitar": "stop",
    "tomar": "take", "tomando": "taking", "toma": "takes", "mezclar": "mix", "mezclarlo": "mix it", "con": "with",
    "sin": "without", "para": "for", "de": "of", "del": "of the", "el": "the", "la": "the", "los": "the",
    "las": "the", "un": "a", "una": "a", "y": "and", "o": "or", "en": "in", "mi": "my", "mis": "my", "su": "his",
    "sus": "their", "se": "", "lo": "it", "le": "him", "me": "me", "si": "if", "no": "not", "mas": "more",
    "muy": "very", "normal": "normal", "peligroso": "dangerous", "peligrosa": "dangerous", "seguro": "safe",
    "segura": "safe", "mortal": "fatal", "grave": "serious", "abstinencia": "withdrawal", "sintomas": "symptoms",
    "sintoma": "symptom", "efectos": "effects", "adiccion": "addiction", "adictivo": "addictive",
    "adictiva": "addictive", "dependencia": "dependence", "dependiente": "dependent", "tolerancia": "tolerance",
    "convulsiones": "seizures", "convulsion": "seizure", "delirio": "delirium", "sobredosis": "overdose",
    "alcohol": "alcohol", "opioides": "opioids", "opioide": "opioid", "drogas": "drugs", "droga": "drug",
    "desintoxicacion": "detox", "desintoxicarse": "detox", "desintoxicar": "detox", "tratamiento": "treatment",
    "tratamientos": "treatments", "rehabilitacion": "rehab", "rehab": "rehab", "terapia": "therapy",
    "terapias": "therapies", "recaida": "relapse", "recaidas": "relapse", "evitar": "prevent", "evita": "prevent",
    "prevenir": "prevent", "ayuda": "help", "ayudar": "help", "apoyar": "support", "apoyo": "support",
    "encontrar": "find", "encuentro": "find", "busco": "look for", "buscar": "look for", "pagar": "pay",
    "costo": "cost", "cuesta": "cost", "precio": "price", "hospital": "hospital", "clinica": "clinic",
    "ambulatorio": "outpatient", "residencial": "residential", "internamiento": "inpatient", "medica": "medical",
    "medico": "doctor", "medicos": "doctors", "doctor": "doctor", "doctora": "doctor", "psiquiatra": "psychiatrist",
    "receta": "prescription", "recetan": "prescribe", "recetado": "prescribed", "dosis": "dose",
    "pastillas": "pills", "pastilla": "pill", "medicamento": "medication", "medicina": "medicine",
    "memoria": "memory", "mareo": "dizziness", "mareos": "dizziness", "sueno": "sleep", "somnolencia": "drowsiness",
    "insomnio": "insomnia", "dormir": "sleep", "ansiedad": "anxiety", "panico": "panic", "depresion": "depression",
    "deprimido": "depressed", "deprimida": "depressed", "agresivo": "aggressive", "agresiva": "aggressive",
    "irritable": "irritable", "temblores": "tremors", "sudor": "sweating", "nauseas": "nausea", "dolor": "pain",
    "cabeza": "head", "musculos": "muscles", "embarazo": "pregnancy", "embarazada": "pregnant",
    "engorda": "weight gain", "peso": "weight", "pelo": "hair", "orina": "urine", "hijo": "son", "hija": "daughter",
    "mama": "mom", "papa": "dad", "madre": "mother", "padre": "father", "esposo": "husband", "esposa": "wife",
    "familia": "family", "amigo": "friend", "amiga": "friend", "dias": "days", "dia": "day", "semanas": "weeks",
    "despertar": "wake up", "despiertas": "wake up", "despierto": "wake up", "despierte": "wake up",
    "semana": "week", "meses": "months", "mes": "month", "anos": "years", "ano": "year", "horas": "hours",
    "fases": "phases", "etapas": "stages", "prolongada": "protracted", "prolongado": "protracted",
    "cronico": "chronic", "reduccion": "taper", "reducir": "taper", "bajar": "lower", "disminuir": "taper",
    "gradual": "gradual", "gradualmente": "gradually", "lento": "slow", "lenta": "slow", "rapido": "fast",
    "cerebro": "brain", "controlada": "controlled", "sustancia": "substance",
    "benzodiacepinas": "benzodiazepines", "benzodiacepina": "benzodiazepine", "rivotril": "clonazepam",
    "manual": "manual", "grupos": "groups", "grupo": "group", "individual": "individual", "familiar": "family",
    "cognitivo": "cognitive", "conductual": "behavioral", "despues": "after", "primero": "first",
    "puedo": "can i", "puede": "can", "durante": "during", "examen": "test", "prueba": "test",
    "antidoping": "drug test", "lactancia": "breastfeeding", "amamantar": "breastfeed", "manejar": "drive",
    "conducir": "drive", "vence": "expire", "caduca": "expire", "viajar": "travel", "embarazarme": "get pregnant",
    "olvide": "i forgot", "olvido": "forgot", "ayer": "yesterday", "hoy": "today", "manana": "tomorrow",
    "anoche": "last night", "tomo": "do i take", "tomarme": "take", "doble": "double", "extra": "extra",
    "mejor": "better", "hermano": "brother", "hermana": "sister", "termina": "finishes", "detecta": "detect",
    "aumentar": "increase", "subir": "raise", "cambiar": "switch", "saltar": "skip", "saltarme": "skip",
}

_WORD = re.compile(r"[a-z0-9]+")


def _plain(text: str) -> str:
    """Lowercase, without accents or Spanish question and exclamation marks."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char)).replace("¿", " ").replace("¡", " ")


@lru_cache(maxsize=1)
def _phrases() -> List[Tuple[re.Pattern, str]]:
    ordered = sorted(PHRASES.items(), key=lambda item: -len(item[0]))
    return [(re.compile(rf"\b{re.escape(spanish)}\b"), english) for spanish, english in ordered]


def gloss(text: str) -> str:
    """The English gloss of a Spanish message (unknown words kept as they are)."""
    plain = _plain(text)
    for pattern, english in _phrases():
        plain = pattern.sub(f" {english} ", plain)
    words = [WORDS.get(word, word) for word in _WORD.findall(plain)]
    glossed = " ".join(word for word in words if word)
    return f"{glossed}?" if "?" in text else glossed
