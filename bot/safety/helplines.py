"""Public, neutral helplines by country — the one table every crisis reply is built from.

Only public emergency, crisis, poison and government/non-profit treatment-referral lines belong here; never the
commercial rehab numbers printed in the seed pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

DEFAULT_COUNTRY = "US"


@dataclass(frozen=True)
class Line:
    """One helpline: who runs it, how to reach it, what it is for."""

    name: str
    contact: str
    note: str = ""

    def render(self) -> str:
        """"Name: contact (note)" on one line."""
        note = f" ({self.note})" if self.note else ""
        return f"{self.name}: {self.contact}{note}"


@dataclass(frozen=True)
class CountryHelplines:
    """Everything the crisis replies need for one country."""

    code: str
    name: str
    emergency: str
    crisis: Line
    poison: Line
    treatment: Optional[Line]
    extra_crisis: Tuple[Line, ...] = ()
    # A crisis line that answers in Spanish, when the country has one.
    crisis_spanish: Optional[Line] = None
    # A poison line for animals, when the country has a well-known one (otherwise: the vet).
    animal_poison: Optional[Line] = None

    def crisis_lines(self) -> List[Line]:
        """Crisis lines, the main one first."""
        return [self.crisis, *self.extra_crisis]

    def all_lines(self) -> List[Line]:
        """Every line of the country (crisis, poison, treatment, Spanish-language and animal lines)."""
        optional = (self.treatment, self.crisis_spanish, self.animal_poison)
        return [self.crisis, *self.extra_crisis, self.poison, *[line for line in optional if line]]


HELPLINES: Dict[str, CountryHelplines] = {
    "US": CountryHelplines(
        code="US",
        name="the United States",
        emergency="911",
        crisis=Line(
            "988 Suicide & Crisis Lifeline",
            "call or text 988",
            "24/7, free; en español: llame al 988 y oprima 2, o envíe AYUDA por texto al 988",
        ),
        crisis_spanish=Line(
            "Línea 988 de Prevención del Suicidio y Crisis",
            "llama al 988 y oprime 2, o envía la palabra AYUDA por mensaje de texto al 988",
            "24/7, gratis",
        ),
        animal_poison=Line("ASPCA Animal Poison Control Center", "(888) 426-4435", "24/7; a consultation fee may apply"),
        poison=Line("Poison Control", "1-800-222-1222", "24/7, free"),
        treatment=Line(
            "SAMHSA National Helpline",
            "1-800-662-4357",
            "free, confidential treatment referral and information, 24/7 — not a counseling line",
        ),
    ),
    "CA": CountryHelplines(
        code="CA",
        name="Canada",
        emergency="911",
        crisis=Line("9-8-8 Suicide Crisis Helpline", "call or text 988", "24/7"),
        poison=Line("Poison centre", "1-844-764-7669", "1-844-POISON-X, 24/7"),
        treatment=Line("Your provincial health line", "811", "in most provinces; ask about local treatment"),
    ),
    "GB": CountryHelplines(
        code="GB",
        name="the United Kingdom",
        emergency="999",
        crisis=Line("Samaritans", "call 116 123", "24/7, free"),
        extra_crisis=(Line("Shout", "text SHOUT to 85258", "24/7 text support"),),
        poison=Line("NHS 111", "call 111", "urgent medical help; call 999 if someone is very unwell"),
        treatment=Line("FRANK", "0300 123 6600", "confidential drug information and local support"),
    ),
    "IE": CountryHelplines(
        code="IE",
        name="Ireland",
        emergency="112 or 999",
        crisis=Line("Samaritans", "call 116 123", "24/7, free"),
        extra_crisis=(Line("Text About It", "text HELLO to 50808", "24/7 text support"),),
        poison=Line("National Poisons Information Centre", "01 809 2166", "public line, 8am–10pm"),
        treatment=Line("HSE Drugs and Alcohol Helpline", "1800 459 459", "free, confidential"),
    ),
    "AU": CountryHelplines(
        code="AU",
        name="Australia",
        emergency="000",
        crisis=Line("Lifeline", "call 13 11 14 or text 0477 13 11 14", "24/7"),
        poison=Line("Poisons Information Centre", "13 11 26", "24/7"),
        treatment=Line("National Alcohol and Other Drug Hotline", "1800 250 015", "free, confidential, 24/7"),
    ),
    "NZ": CountryHelplines(
        code="NZ",
        name="New Zealand",
        emergency="111",
        crisis=Line("Need to talk? 1737", "call or text 1737", "24/7, free"),
        extra_crisis=(Line("Lifeline Aotearoa", "0800 543 354", "24/7"),),
        poison=Line("National Poisons Centre", "0800 764 766", "24/7"),
        treatment=Line("Alcohol Drug Helpline", "0800 787 797 or text 8681", "free, confidential"),
    ),
}


def helplines_for(country_code: Optional[str]) -> CountryHelplines:
    """The helplines for a country code, falling back to the US table."""
    return HELPLINES.get((country_code or DEFAULT_COUNTRY).upper(), HELPLINES[DEFAULT_COUNTRY])


def helpline_number_pattern() -> "re.Pattern[str]":
    """A regex matching every phone number or short code in the table (so content checks can set them aside)."""
    numbers = set()
    for country in HELPLINES.values():
        for line in country.all_lines():
            numbers.update(re.findall(r"\d[\d -]*\d|\d", line.contact))
        numbers.update(re.findall(r"\d+", country.emergency))
    alternatives = sorted((re.escape(number.strip()) for number in numbers), key=len, reverse=True)
    # Not inside a longer number: "000" (Australia's emergency number) must not match the end of "100,000".
    return re.compile(r"(?<![\d,.-])(?:" + "|".join(alternatives) + r")(?![\d-]|[,.]\d)")
