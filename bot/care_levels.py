"""Comparing two levels of care from the cited attribute table in bot/knowledge/care_levels.yml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from bot.sources import citation_line

CARE_LEVELS_FILE = Path(__file__).resolve().parent / "knowledge" / "care_levels.yml"
ATTRIBUTES: Tuple[Tuple[str, str], ...] = (("what", "What it is"), ("where", "Where you live"), ("care", "Care"))


@dataclass(frozen=True)
class CareLevel:
    """One level of care and its cited attributes."""

    key: str
    name: str
    sources: Tuple[str, ...]
    attributes: Dict[str, str]


@lru_cache(maxsize=1)
def care_levels() -> Dict[str, CareLevel]:
    """All levels of care, keyed by their `care_level` entity value."""
    raw = yaml.safe_load(CARE_LEVELS_FILE.read_text(encoding="utf-8"))
    return {
        key: CareLevel(
            key=key,
            name=entry["name"],
            sources=tuple(entry["sources"]),
            attributes={attribute: entry[attribute] for attribute, _ in ATTRIBUTES},
        )
        for key, entry in raw.items()
    }


def distinct_levels(values: Sequence[Optional[str]]) -> List[str]:
    """Known care-level values in order of mention, without repeats."""
    known = care_levels()
    return [value for value in dict.fromkeys(values) if value in known]


def compare(first: str, second: str) -> str:
    """A side-by-side comparison of two levels of care, ending with the citation of both."""
    levels = care_levels()
    a, b = levels[first], levels[second]
    # Single newlines only: Rasa splits a response into separate bubbles at blank lines.
    lines = [f"{a.name} vs {b.name}:"]
    for attribute, label in ATTRIBUTES:
        lines.append(f"{label}:\n• {a.name}: {a.attributes[attribute]}\n• {b.name}: {b.attributes[attribute]}")
    lines.append(
        "Which fits depends on how severe the dependence is and on your health; a doctor or treatment "
        "professional can assess that with you."
    )
    lines.append(citation_line([*a.sources, *b.sources]))
    return "\n".join(lines)
