"""Benchmark: understanding typed or recognized text, without audio.

Prints one JSON line:

* ``accepted``: the share of the test utterances (``tests/voice/intents/en/*.yaml``) understood with their
  intent and every slot; ``rejected_ood``: the share of the out-of-domain sentences rejected;
* ``near_miss_recovered``: utterances with one word misspelt (two letters of its longest word of 7 or more
  letters swapped, deterministic) understood right; ``near_miss_wrong``: understood as something else;
  ``near_miss_opposite``: understood as the opposite action (must be 0);
* ``understand_ms`` (median, p95) per utterance, against ``reference_ms``: hassil's ``recognize_best``
  alone on the same sentences, measured in the same run (``vs_reference`` = ours ÷ reference: what
  splitting, near misses and confidence cost on top of the template match);
* ``nbest10_ms``: a 10-best transcript whose command is last, against ``nbest10_reference_ms``, hassil
  on each of its texts; ``prepare_s``: building the near-miss vocabulary (done when the voice loop loads).

Run: ``python -m bench.understanding``
"""

from __future__ import annotations

import json
import platform
import statistics
import time
from pathlib import Path

import yaml
from hassil import recognize_best

from voice.engines.base import Transcript
from voice.understanding.direction import opposite
from voice.understanding.intents import load_intents
from voice.understanding.parser import Intent, IntentParser

DATA = Path(__file__).resolve().parents[1] / "tests" / "voice" / "intents" / "en"


def _cases() -> list[tuple[str, str, dict]]:
    out = []
    for path in sorted(p for p in DATA.glob("*.yaml") if not p.name.startswith("_")):
        for test in yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]:
            for sentence in test["sentences"]:
                out.append((sentence, test["intent"]["name"], test["intent"].get("slots", {})))
    return out


def _misspelt(sentence: str) -> str | None:
    words = sentence.split()
    longest = max(words, key=len)
    if len(longest) < 7 or not longest.isalpha():
        return None
    middle = len(longest) // 2
    swapped = longest[:middle] + longest[middle + 1] + longest[middle] + longest[middle + 2 :]
    return " ".join(swapped if w == longest else w for w in words) if swapped != longest else None


def _timed(fn, items) -> list[float]:
    times = []
    for item in items:
        started = time.perf_counter()
        fn(item)
        times.append((time.perf_counter() - started) * 1000)
    return sorted(times)


def main() -> None:
    intents = load_intents()
    parser = IntentParser(intents)
    started = time.perf_counter()
    parser.prepare()
    prepare_s = time.perf_counter() - started
    cases = _cases()
    ood = yaml.safe_load((DATA / "_out_of_domain.yaml").read_text(encoding="utf-8"))["sentences"]

    def right(text: str, name: str, slots: dict) -> bool:
        return [(i.name, i.slots) for i in parser.parse(text)] == [(name, slots)]

    accepted = sum(right(*case) for case in cases) / len(cases)
    rejected = sum(not parser.parse(s) for s in ood) / len(ood)
    recovered = wrong = flipped = tried = 0
    for sentence, name, slots in cases:
        typo = _misspelt(sentence)
        if typo is None:
            continue
        tried += 1
        found = parser.parse(typo)
        if [(i.name, i.slots) for i in found] == [(name, slots)]:
            recovered += 1
        elif found:
            wrong += 1
            flipped += opposite(found, [Intent(name, slots)])
    sentences = [c[0] for c in cases] + ood
    ours = _timed(lambda s: parser.understand(Transcript(s)), sentences)
    reference = _timed(lambda s: recognize_best(s, intents, language="en"), sentences)
    nbest = Transcript(
        "turn on the seat", alternatives=(*(f"do not {w} seat" for w in "abcdefghi"), "turn on the ac")
    )
    nbest_ms = statistics.median(_timed(parser.understand, [nbest] * 20))
    texts = (nbest.text, *nbest.alternatives)
    each = statistics.median(
        _timed(lambda _: [recognize_best(t, intents, language="en") for t in texts], range(20))
    )
    row = {
        "bench": "understanding",
        "utterances": len(cases),
        "ood": len(ood),
        "accepted": round(accepted, 4),
        "rejected_ood": round(rejected, 4),
        "near_miss_tried": tried,
        "near_miss_recovered": round(recovered / tried, 4),
        "near_miss_wrong": round(wrong / tried, 4),
        "near_miss_opposite": flipped,
        "understand_ms": round(statistics.median(ours), 3),
        "understand_p95_ms": round(ours[int(0.95 * len(ours))], 3),
        "reference_ms": round(statistics.median(reference), 3),
        "vs_reference": round(statistics.median(ours) / statistics.median(reference), 2),
        "nbest10_ms": round(nbest_ms, 3),
        "nbest10_reference_ms": round(each, 3),
        "prepare_s": round(prepare_s, 3),
        "python": platform.python_version(),
    }
    print(json.dumps(row))


if __name__ == "__main__":
    main()
