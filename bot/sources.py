"""The five source pages the assistant's knowledge comes from, and how to cite them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# CI and fresh clones keep the seed pages beside the project; SEEDS_DIR overrides for other layouts.
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", PROJECT_ROOT.parent / "shared" / "seeds"))


@dataclass(frozen=True)
class Source:
    """One seed page: a stable id, the captured file, and the title and publisher to cite."""

    id: str
    filename: str
    title: str
    publisher: str

    @property
    def citation(self) -> str:
        """The citation shown to users: "Title — Publisher"."""
        return f"{self.title} — {self.publisher}"

    def read_text(self, seeds_dir: Path = SEEDS_DIR) -> str:
        """The captured page text (used by content-integrity tests, never at run time)."""
        return (seeds_dir / self.filename).read_text(encoding="utf-8")


# Titles and publishers as listed in the seeds README (pages without a title get the README's label).
SOURCES: Dict[str, Source] = {
    source.id: source
    for source in (
        Source(
            "resurgence",
            "000_7e65da4c807e312c.txt",
            "Clonazepam Withdrawal: Dealing with Cravings and Treatment",
            "Resurgence Behavioral Health",
        ),
        Source(
            "addiction_info",
            "001_0b14997a6205e8a0.txt",
            "Clonazepam (Klonopin) Addiction",
            "an addiction-treatment information site",
        ),
        Source(
            "aac",
            "002_492b12311a50a9c2.txt",
            "Klonopin (Clonazepam) Withdrawal and Treatment",
            "American Addiction Centers",
        ),
        Source(
            "detox_provider",
            "003_033afa0575e68036.txt",
            "Klonopin withdrawal symptoms and timeline",
            "a detox and treatment provider",
        ),
        Source(
            "essence",
            "004_e75974b83edf5ef9.txt",
            "Clonazepam (Klonopin) addiction, side effects and treatment",
            "Essence Healthcare",
        ),
    )
}


def citation_line(source_ids: Iterable[str]) -> str:
    """The closing line of an answer, e.g. "Source: Title — Publisher" (or "Sources: …; …")."""
    ids: List[str] = list(dict.fromkeys(source_ids))
    if not ids:
        raise ValueError("an answer must cite at least one source")
    unknown = [source_id for source_id in ids if source_id not in SOURCES]
    if unknown:
        raise KeyError(f"unknown source id(s): {', '.join(unknown)}")
    label = "Source" if len(ids) == 1 else "Sources"
    return f"{label}: " + "; ".join(SOURCES[source_id].citation for source_id in ids)
