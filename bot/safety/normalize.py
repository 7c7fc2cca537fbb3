"""Text normalization for the safety guard: lowercase, plain apostrophes, expanded chat shorthand.

People in distress type fast: "im gonna kms", "cant breath", "dont wanna be here". The guard matches on the
normalized form so its patterns can stay readable.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Dict

# Whole-word rewrites, applied after lowercasing. Keys are regex-escaped word forms.
SHORTHAND: Dict[str, str] = {
    "im": "i am",
    "i'm": "i am",
    "i m": "i am",
    "ima": "i am going to",
    "imma": "i am going to",
    "i'ma": "i am going to",
    "ive": "i have",
    "i've": "i have",
    "i'd": "i would",
    "i'll": "i will",
    "dont": "do not",
    "don't": "do not",
    "doesnt": "does not",
    "doesn't": "does not",
    "didnt": "did not",
    "didn't": "did not",
    "cant": "can not",
    "can't": "can not",
    "cannot": "can not",
    "couldnt": "could not",
    "couldn't": "could not",
    "wont": "will not",
    "won't": "will not",
    "wouldnt": "would not",
    "wouldn't": "would not",
    "isnt": "is not",
    "isn't": "is not",
    "arent": "are not",
    "aren't": "are not",
    "wasnt": "was not",
    "wasn't": "was not",
    "aint": "is not",
    "ain't": "is not",
    "shouldnt": "should not",
    "shouldn't": "should not",
    "havent": "have not",
    "haven't": "have not",
    "hasnt": "has not",
    "hasn't": "has not",
    "he's": "he is",
    "hes": "he is",
    "she's": "she is",
    "shes": "she is",
    "it's": "it is",
    "they're": "they are",
    "theyre": "they are",
    "we're": "we are",
    "you're": "you are",
    "youre": "you are",
    "that's": "that is",
    "thats": "that is",
    "what's": "what is",
    "whats": "what is",
    "there's": "there is",
    "wanna": "want to",
    "wana": "want to",
    "wanan": "want to",
    "gonna": "going to",
    "gona": "going to",
    "finna": "going to",
    "tryna": "trying to",
    "gotta": "got to",
    "hafta": "have to",
    "kinda": "kind of",
    "sorta": "sort of",
    "u": "you",
    "ur": "your",
    "rn": "right now",
    "tn": "tonight",
    "2nite": "tonight",
    "tonite": "tonight",
    "tnight": "tonight",
    "tonigt": "tonight",
    "unknwn": "unknown",
    "unkown": "unknown",
    "idk": "i do not know",
    "idc": "i do not care",
    "cuz": "because",
    "bc": "because",
    "b/c": "because",
    "tho": "though",
    "thru": "through",
    "w/": "with",
    "abt": "about",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "mom's": "mom",
    "mum": "mom",
    "mommy": "mom",
    "mother": "mom",
    "father": "dad",
    "myslef": "myself",
    "mysef": "myself",
    "myelf": "myself",
    "mysel": "myself",
    "my self": "myself",
    "breath": "breathe",
    "breth": "breathe",
    "breathe.": "breathe",
    "brethe": "breathe",
    "kil": "kill",
    "kll": "kill",
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "suicid": "suicide",
    "sucidal": "suicidal",
    "suicdal": "suicidal",
    "suicidial": "suicidal",
    "suacidal": "suicidal",
    "sueside": "suicide",
    "seizue": "seizure",
    "siezure": "seizure",
    "seziure": "seizure",
    "seazure": "seizure",
    "seisure": "seizure",
    "ceasure": "seizure",
    "seizures": "seizure",
    "siezing": "seizing",
    "seasing": "seizing",
    "od'd": "overdosed",
    "odd'd": "overdosed",
    "o.d.": "overdose",
    "o.d": "overdose",
    "od": "overdose",
    "oded": "overdosed",
    "od'ed": "overdosed",
    "oding": "overdosing",
    "od'ing": "overdosing",
    "overdoesd": "overdosed",
    "overdoes": "overdose",
    "alchohol": "alcohol",
    "alcohal": "alcohol",
    "alcool": "alcohol",
    "alot": "a lot",
    "evrything": "everything",
    "everythin": "everything",
    "anymore.": "anymore",
    "any more": "anymore",
}

_SHORTHAND_RE = re.compile(
    r"(?<![\w'])(" + "|".join(re.escape(key) for key in sorted(SHORTHAND, key=len, reverse=True)) + r")(?![\w'])"
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "“": '"', "”": '"'})
_REPEATS = re.compile(r"([a-z])\1{2,}")  # "pleeease" → "pleease": keeps doubles, removes shouting


def strip_control_characters(text: str) -> str:
    """Remove control and format characters (keeping ordinary whitespace)."""
    return "".join(
        char if char in "\n\t " or unicodedata.category(char)[0] != "C" else " " for char in text
    )


# Phrase rewrites that need more than one word of context.
PHRASES = (
    (re.compile(r"\b(?:2|to|two)\s+(many|much)\b"), r"too \1"),
    (re.compile(r"\b(?:abt|bout)\b"), "about"),
    (re.compile(r"(?<=\w)\s*\+\s*(?=\w)"), " and "),
    (re.compile(r"\bn\b(?=\s+\w)"), "and"),
    (re.compile(r"\bwit\b"), "with"),
    (re.compile(r"#\s*of\b"), "number of"),
    (re.compile(r"\bid (?=(?:rather|like|love|never|just|prefer|be|do|kill|give)\b)"), "i would "),
    # "ill just end it": "I'll" typed without its apostrophe, not the adjective ("feeling ill", "so ill").
    (
        re.compile(
            r"(?<!feel )(?<!feeling )(?<!felt )(?<!am )(?<!so )(?<!very )(?<!was )(?<!been )(?<!got )(?<!is )"
            r"(?<!be )(?<!too )(?<!really )\bill (?=(?:just|end|kill|take|swallow|overdose|never|make|hurt|cut|finally|"
            r"probably|jump|drive|do)\b)"
        ),
        "i will ",
    ),
    (re.compile(r"\bw/\s*"), "with "),
    (re.compile(r"\bhole\s+(bottle|script|pack|thing|sheet|strip)\b"), r"whole \1"),
    (re.compile(r"\bcant\b|\bcan't\b"), "can not"),
)


def fold_accents(text: str) -> str:
    """"tomé" → "tome", "convulsión" → "convulsion": Spanish crisis phrases match with or without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


# Emoji that stand for a method, read as words ("🔪🩸 again", "🔫😵 done"). Not laughing skulls, and not coffins or
# gravestones: as words after "don't wake up" they would be read as negated.
EMOJI_WORDS = str.maketrans({"🔫": " gun ", "🔪": " knife ", "🗡": " knife ", "🩸": " blood ", "🪢": " rope ", "💊": " pills "})


def normalize(text: str) -> str:
    """The guard's view of a message: lowercase, plain apostrophes, no accents, shorthand expanded."""
    lowered = unicodedata.normalize("NFKC", strip_control_characters(text)).translate(_APOSTROPHES).translate(EMOJI_WORDS).lower()
    lowered = fold_accents(_REPEATS.sub(r"\1\1", lowered))
    expanded = _SHORTHAND_RE.sub(lambda match: SHORTHAND[match.group(1)], lowered)
    for pattern, replacement in PHRASES:
        expanded = pattern.sub(replacement, expanded)
    return " ".join(expanded.split())
