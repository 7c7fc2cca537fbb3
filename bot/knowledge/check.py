"""`python -m bot.knowledge.check`: list every answer that breaks a content rule (exit 1 if any)."""

from __future__ import annotations

import sys
from typing import List

from bot.knowledge import load_answers
from bot.knowledge.integrity import copied_runs, unsupported_numbers

# Answers longer than this are hard to read in a chat bubble.
MAX_ANSWER_CHARS = 900


def problems() -> List[str]:
    """Human-readable problems with the knowledge base, empty when it is clean."""
    found: List[str] = []
    for answer in load_answers():
        where = answer.intent
        if not answer.text:
            found.append(f"{where}: no text")
            continue
        if not answer.sources:
            found.append(f"{where}: cites no source")
        if len(answer.text) > MAX_ANSWER_CHARS:
            found.append(f"{where}: {len(answer.text)} characters (max {MAX_ANSWER_CHARS})")
        missing = unsupported_numbers(answer.text, answer.sources)
        if missing:
            found.append(f"{where}: numbers not in the cited page(s): {sorted(missing)}")
        for source_id, run in copied_runs(answer.text):
            found.append(f"{where}: copies a run of words from {source_id}: “{run}”")
    return found


def main() -> int:
    """Print problems and return a shell exit code."""
    issues = problems()
    for line in issues:
        print(line)
    print(f"{len(load_answers())} answers, {len(issues)} problem(s)")
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main())
