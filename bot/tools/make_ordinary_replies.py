"""`python -m bot.tools.make_ordinary_replies`: write data/risk/short_and_nonsense.tsv (synthetic, seeded).

Short replies ("no", "ok", "idk") and keyboard nonsense ("blorp zzt", "asdfgh") carry no risk on their own, but a
model that has never seen them reads them at random: before this file, "no" and "blorp zzt quux" were read as
possible risks and got the direct question. What they mean after "are you safe?" or after a disclosure is the
safety dialogue's job (bot/safety/dialogue.py) and the context reading's, not the single-message model's.
"""

from __future__ import annotations

import random
import sys

from bot.safety.corpus import CORPUS_DIR

REPLIES = """no nope nah no thanks no thank you yes yeah yep yup sure ok okay k kk okie alright fine cool nice great
hmm hm huh what? what idk dunno maybe perhaps lol lmao haha hahaha ha omg wow oh ah ahh ugh meh whatever right
true got it gotcha i see makes sense understood noted thx ty thank u cheers bye ciao later see ya wait hold on one
sec brb back sorry my bad oops typo nvm test testing hello? anyone there? you there? ??? ... !! :) :( ;) <3 xd
also and so then but why how when where who which""".split()
SYLLABLES = "bl or p zz t qu ux fr ob gl ar k sn iz mp wh ee fl ib dr ak zor gn ash vy th ul".split()
KEYBOARD = ["asdf", "asdfgh", "qwerty", "zxcv", "jkl", "hjkl", "fdsa", "qwe", "wasd", "lkjh", "mnbv", "poiu"]


def nonsense(rng: random.Random) -> str:
    """A few made-up words or keyboard runs."""
    words = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.3:
            words.append(rng.choice(KEYBOARD) * rng.randint(1, 2))
        else:
            words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3))))
    return " ".join(words)


def rows(seed: int = 11) -> list:
    """The examples, deterministic for a seed."""
    rng = random.Random(seed)
    texts = list(dict.fromkeys(REPLIES))
    texts += [f"{rng.choice(REPLIES)} {rng.choice(REPLIES)}" for _ in range(120)]
    texts += [nonsense(rng) for _ in range(250)]
    return list(dict.fromkeys(texts))


def main() -> int:
    """Write the file."""
    path = CORPUS_DIR / "short_and_nonsense.tsv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("label\tlang\ttext\n")
        for text in rows():
            handle.write(f"none\ten\t{text}\n")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
