"""Writes the multilingual redaction evaluation set: tests/data/redaction/{dev,heldout}.jsonl.

Run: python -m bench.multilingual_set (deterministic: fixed seed; the files are committed).

Stories are composed from sentence templates and name, place and organisation pools written by
hand for this set (invented or very common given names, real towns and camps; nothing comes from
leaked personal data). The development part ("dev") may be used to tune the engine; the
held-out part ("heldout") uses different templates AND different pools, and is only ever read
for the figures. Each line: {"id", "split", "language", "lower_case", "text",
"spans": [[start, end, kind], ...]}; kinds are the engine's (person, place, organisation,
id_number, phone, email, date).

Slots in a template: {P} a person's full name, {F} that person's first name (or nickname),
{Q} a second person, {K} a kunya, nickname or common-word name, {L} a place, {V} a small place
(village, camp, neighbourhood, "St."/"San" place), {O} an organisation, {I} an ID or case
number, {T} a phone number, {E} an e-mail address.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from .multilingual_pools import POOLS, TEMPLATES, Pool

SEED = 20261206
OUT = Path(__file__).resolve().parents[1] / "tests/data/redaction"
# Stories per language in each split.
COUNTS = {"en": 50, "ar": 48, "es": 40, "fr": 40, "fa": 14, "ku": 12}
LATIN = {"en", "es", "fr", "ku"}
KIND = {
    "P": "person",
    "F": "person",
    "Q": "person",
    "K": "person",
    "L": "place",
    "V": "place",
    "O": "organisation",
    "I": "id_number",
    "T": "phone",
    "E": "email",
}
_ARTICLE = re.compile(r"(?:the |la |el |le |l')")
_SLOT = re.compile(r"\{([A-Z])\}")


@dataclass
class Story:
    """One labelled story."""

    id: str
    split: str
    language: str
    lower_case: bool
    text: str
    spans: list[tuple[int, int, str]]


def _id_number(rng: random.Random, formats: list[str]) -> str:
    """An ID from a format: A = capital letter, 9 = digit, anything else kept."""
    fmt = rng.choice(formats)
    return "".join(
        rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ")
        if c == "A"
        else str(rng.randrange(10))
        if c == "9"
        else c
        for c in fmt
    )


def _phone(rng: random.Random, formats: list[str]) -> str:
    fmt = rng.choice(formats)
    return "".join(str(rng.randrange(10)) if c == "9" else c for c in fmt)


def _fill(slot: str, pool: Pool, rng: random.Random, chosen: dict[str, str]) -> str:
    if slot in chosen:
        return chosen[slot]
    if slot in ("P", "F"):
        first = rng.choice(pool.first)
        full = f"{first} {rng.choice(pool.family)}"
        chosen["P"], chosen["F"] = full, first
        return chosen[slot]
    value = {
        "Q": lambda: f"{rng.choice(pool.first)} {rng.choice(pool.family)}",
        "K": lambda: rng.choice(pool.other_names),
        "L": lambda: rng.choice(pool.places),
        "V": lambda: rng.choice(pool.small_places),
        "O": lambda: rng.choice(pool.organisations),
        "I": lambda: _id_number(rng, pool.id_formats),
        "T": lambda: _phone(rng, pool.phone_formats),
        "E": lambda: rng.choice(pool.emails),
    }[slot]()
    chosen[slot] = value
    return value


def compose(language: str, split: str, rng: random.Random, index: int) -> Story:
    """One story: three to six sentences of the split's templates, slots filled from its pools."""
    templates = TEMPLATES[split][language]
    pool = POOLS[split][language]
    count = min(len(templates), rng.randint(3, 6))
    chosen: dict[str, str] = {}
    text, spans = "", []
    for template in rng.sample(templates, count):
        if text:
            text += " "
        pos = 0
        for m in _SLOT.finditer(template):
            text += template[pos : m.start()]
            value = _fill(m.group(1), pool, rng, chosen)
            # A leading article is not part of the name ("the Ibn Sina clinic").
            skip = _ARTICLE.match(value)
            start = len(text) + (skip.end() if skip else 0)
            spans.append((start, len(text) + len(value), KIND[m.group(1)]))
            text += value
            pos = m.end()
        text += template[pos:]
    lower = language in LATIN and rng.random() < 0.3
    if lower and len(text.lower()) == len(text):
        text = text.lower()
    else:
        lower = False
    return Story(f"{split}-{language}-{index:03d}", split, language, lower, text, spans)


def generate(split: str) -> list[Story]:
    """Every story of a split, in a fixed order."""
    rng = random.Random(f"{SEED}-{split}")
    return [compose(language, split, rng, i) for language, n in COUNTS.items() for i in range(n)]


def load(split: str) -> list[Story]:
    """The committed stories of a split."""
    stories = []
    for line in (OUT / f"{split}.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        spans = [(a, b, k) for a, b, k in d["spans"]]
        stories.append(Story(d["id"], d["split"], d["language"], d["lower_case"], d["text"], spans))
    return stories


def main() -> None:
    """Write both splits."""
    OUT.mkdir(parents=True, exist_ok=True)
    for split in ("dev", "heldout"):
        with (OUT / f"{split}.jsonl").open("w", encoding="utf-8") as f:
            for s in generate(split):
                for a, b, _ in s.spans:
                    assert s.text[a:b].strip() == s.text[a:b] and a < b
                row = {
                    "id": s.id,
                    "split": s.split,
                    "language": s.language,
                    "lower_case": s.lower_case,
                    "text": s.text,
                    "spans": [list(x) for x in s.spans],
                }
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
