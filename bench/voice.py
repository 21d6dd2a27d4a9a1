"""Voice benchmark: what a driver gets from each engine, clean and in cabin noise, and on real people.

Synthetic set: the benchmark's own cabin commands (bench/data/voice_commands.yaml: every cabin function,
questions, panels, navigation; expected intent and slots for each) spoken by four voices (Piper's joe,
flite's slt and rms, espeak-ng), clean and mixed with generated cabin noise (road, wind, fan) at 10 and
5 dB SNR, plus out-of-domain chatter for false accepts. Human set: the 40 crowd-sourced coffee orders in
../shared/data/voice/barista-human/ with our own intents file for that domain (``--intents``).

Every utterance goes through the product's own path: endpointing, the engine, the understanding layer
(``IntentParser.understand``), which acts, asks ("Did you mean …?") or rejects. Per engine and condition:

- acceptance: acted on the expected intents with every expected slot right;
- opposite actions: acted on an intent that moves a setting the other way from the one asked;
- confirmation rate: commands on which the assistant asked first (no action until "yes");
- false accepts: out-of-domain sentences acted on;
- latency: end of speech detected → understanding, median and p95; real-time factor (engine time /
  audio time); peak memory: the process's peak resident size (each engine runs in its own process).

    python -m bench.voice [--engine whisper,pocketsphinx] [--snr clean,10,5] [--quick] [--human-only]
                          [--dump FILE] [--front-end NAME|none] [--tail SECONDS]

Speech is synthesised once and kept in the user cache folder (same text and voice → same audio). One JSON
line of figures on stdout; progress on stderr; the method and the latest figures are in
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs
import yaml

from voice.audio import synthetic
from voice.audio.cabin_noise import KINDS, cabin_noise, mix
from voice.audio.noise_suppression import DEFAULT as DEFAULT_FRONT_END
from voice.audio.noise_suppression import FRONT_ENDS, open_front_end
from voice.audio.sources import array_frames
from voice.audio.wav import read_wav
from voice.engines import SAMPLE_RATE, open_engine
from voice.errors import VoiceError
from voice.listener import Heard, Listener
from voice.understanding.direction import opposite
from voice.understanding.intents import load_intents
from voice.understanding.parser import Intent, IntentParser

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ROOT / "bench" / "data" / "voice_commands.yaml"
HUMAN = ROOT.parent / "shared" / "data" / "voice" / "barista-human"
HUMAN_INTENTS = ROOT / "tests" / "voice" / "barista" / "intents.yaml"
VOICES = ("piper:joe", "flite:slt", "flite:rms", "en-us")
CACHE = Path(platformdirs.user_cache_dir("smart-cockpit")) / "bench-voice"
# In the cache key: the way the speech is made. 2: Piper without its random noise (before, each
# rendering differed and the cache kept whichever came first).
SPEECH_VERSION = 2


@dataclass
class Case:
    text: str  # what is said (synthetic) or the file name (human)
    expected: list[tuple[str, dict[str, Any]]]  # [] for out-of-domain
    audio: Path | None = None  # a recording instead of synthesis
    # Held out: never looked at while tuning the decoder and the understanding layer (every third
    # sentence of the file, every second recording); reported apart so overfitting would show.
    held_out: bool = False


@dataclass
class Tally:
    commands: int = 0
    accepted: int = 0
    opposite: int = 0
    confirmations: int = 0
    ood: int = 0
    false_accepts: int = 0
    latencies: list[float] = field(default_factory=list)
    engine_s: float = 0.0
    audio_s: float = 0.0
    by_voice: dict[str, list[int]] = field(default_factory=dict)
    by_split: dict[str, list[int]] = field(default_factory=lambda: {"tuned": [0, 0], "held_out": [0, 0]})
    misses: list[str] = field(default_factory=list)
    after_words_s: list[float] = field(default_factory=list)  # audio listened to after the last word

    def figures(self) -> dict[str, Any]:
        lat = self.latencies
        return {
            "commands": self.commands,
            "acceptance": _rate(self.accepted, self.commands),
            "opposite_actions": _rate(self.opposite, self.commands),
            "confirmation_rate": _rate(self.confirmations, self.commands),
            "out_of_domain": self.ood,
            "false_accepts": _rate(self.false_accepts, self.ood),
            "latency_ms_median": round(statistics.median(lat), 1) if lat else None,
            "latency_ms_p95": round(float(np.percentile(lat, 95)), 1) if lat else None,
            "rtf": round(self.engine_s / self.audio_s, 4) if self.audio_s else None,
            "acceptance_by_voice": {v: _rate(a, n) for v, (a, n) in self.by_voice.items() if n},
            "acceptance_by_split": {k: _rate(a, n) for k, (a, n) in self.by_split.items() if n},
            "after_words_s_median": round(statistics.median(after), 2)
            if (after := self.after_words_s)
            else None,
            "after_words_s_max": round(max(after), 2) if after else None,
        }


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def load_commands(path: Path = COMMANDS) -> tuple[list[Case], list[Case]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    said = [(text, group) for group in data["commands"] for text in group["say"]]
    commands = [
        Case(text, [(group["intent"], group.get("slots") or {})], held_out=i % 3 == 2)
        for i, (text, group) in enumerate(said)
    ]
    ood = [Case(text, [], held_out=i % 3 == 2) for i, text in enumerate(data["out_of_domain"])]
    return commands, ood


def load_human(folder: Path = HUMAN) -> list[Case]:
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    cases = []
    for name, label in sorted(labels.items()):
        slots = {k: v.strip() for k, v in label["slots"].items()}
        cases.append(
            Case(name, [(label["intent"], slots)], audio=folder / name, held_out=len(cases) % 2 == 1)
        )
    return cases


def speech_for(case: Case, voice: str) -> np.ndarray:
    """16 kHz int16 audio with 300 ms of silence either side (the endpointer needs the pause)."""
    if case.audio is not None:
        return read_wav(case.audio).samples
    key = hashlib.sha1(f"{voice}\n{case.text}\n{SPEECH_VERSION}".encode()).hexdigest()
    cached = CACHE / f"{key}.npy"
    if cached.is_file():
        return np.load(cached)
    pad = np.zeros(int(0.3 * SAMPLE_RATE), np.int16)
    samples = np.concatenate([pad, synthetic.synthesize(case.text, voice), pad])
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.npy")  # two runs at once never read half a file
    np.save(partial, samples)
    partial.replace(cached)
    return samples


def right(got: list[Intent], expected: list[tuple[str, dict[str, Any]]]) -> bool:
    """The expected intents, in order, each with every expected slot at its value."""
    if [i.name for i in got] != [name for name, _ in expected]:
        return False
    return all(
        all(i.slots.get(k) == v for k, v in slots.items())
        for i, (_, slots) in zip(got, expected, strict=True)
    )


def run_condition(
    listener: Listener,
    parser: IntentParser,
    cases: list[Case],
    voices: list[str],
    snr: str,
    dump: Callable[[dict[str, Any]], None] | None = None,
    tail_s: float = 0.0,
) -> Tally:
    tally = Tally(by_voice={v: [0, 0] for v in voices})
    for i, (case, voice) in enumerate((c, v) for c in cases for v in voices):
        speech = speech_for(case, voice)
        # Synthetic speech only: its words end at its last non-zero sample; a recording's noise runs on.
        synthetic_words = case.audio is None and np.any(speech)
        words_end = int(np.flatnonzero(speech)[-1]) / SAMPLE_RATE if synthetic_words else None
        if tail_s:  # more of the cabin after the words: noise goes on when the driver stops talking
            speech = np.concatenate([speech, np.zeros(int(tail_s * SAMPLE_RATE), np.int16)])
        if snr != "clean":
            kind = KINDS[i % len(KINDS)]
            speech = mix(speech, cabin_noise(kind, len(speech) / SAMPLE_RATE + 0.1, seed=i), float(snr))
        if listener.front_end is not None:
            listener.front_end.forget()  # every utterance is another cabin: learn its noise afresh
        heard = listener.listen(array_frames(speech))
        t = time.perf_counter()
        if heard.transcript is not None and words_end is not None:
            tally.after_words_s.append(heard.audio_s - words_end)
        acted, asked = decide(parser, heard)
        tally.engine_s += heard.engine_s
        tally.audio_s += heard.audio_s
        if heard.latency_ms is not None:
            tally.latencies.append(heard.latency_ms + (time.perf_counter() - t) * 1000.0)
        ok = right(acted, case.expected)
        if dump is not None:
            dump(
                _record(
                    case, voice, snr, heard, acted, asked, ok, getattr(listener.engine, "last_detail", None)
                )
            )
        if case.expected:
            tally.commands += 1
            tally.by_voice[voice][1] += 1
            split = tally.by_split["held_out" if case.held_out else "tuned"]
            split[1] += 1
            tally.confirmations += asked
            wanted = [Intent(name, slots) for name, slots in case.expected]
            if ok:
                tally.accepted += 1
                tally.by_voice[voice][0] += 1
                split[0] += 1
            else:
                tally.opposite += bool(acted) and opposite(acted, wanted)
                if len(tally.misses) < 12:
                    what = "asked" if asked else [(x.name, x.slots) for x in acted]
                    tally.misses.append(f"{case.text!r} [{voice}] heard {heard.text!r} → {what}")
        else:
            tally.ood += 1
            tally.false_accepts += bool(acted)
    return tally


def _record(
    case: Case, voice: str, snr: str, heard: Heard, acted: list[Intent], asked: bool, ok: bool, detail: Any
) -> dict[str, Any]:
    """One utterance as a JSON line for ``--dump``: what was said, heard and done."""
    transcript = heard.transcript
    return {
        "said": case.text,
        "voice": voice,
        "snr": snr,
        "held_out": case.held_out,
        "expected": case.expected,
        "heard": transcript.text if transcript else None,
        "alternatives": list(transcript.alternatives) if transcript else [],
        "confidence": transcript.confidence if transcript else None,
        "acted": [(i.name, i.slots) for i in acted],
        "asked": asked,
        "right": ok if case.expected else not acted,
        "detail": detail,
    }


def decide(parser: IntentParser, heard: Heard) -> tuple[list[Intent], bool]:
    """What the assistant does with what was heard: (intents acted on, whether it asked first)."""
    transcript = heard.transcript
    if transcript is None or not hasattr(parser, "understand"):
        return heard.intents, False
    understanding = parser.understand(transcript)
    if understanding.question:
        return [], True
    return understanding.intents, False


def run_engine(
    name: str,
    snrs: list[str],
    quick: bool,
    human: bool,
    synthetic_set: bool,
    dump_to: Path | None = None,
    front_end: str = DEFAULT_FRONT_END,
    tail_s: float = 0.0,
) -> dict[str, Any]:
    dump = None
    if dump_to is not None:
        out = dump_to.open("a", encoding="utf-8")

        def dump(record: dict[str, Any]) -> None:
            out.write(json.dumps({"engine": name, **record}, ensure_ascii=False) + "\n")

    # One engine at a time, as in the car: the human set alone loads only the coffee domain's (whose
    # templates build its grammar or prompt), so the peak memory is that of one engine.
    intents = load_intents() if synthetic_set else load_intents([HUMAN_INTENTS])
    t = time.perf_counter()
    # "whisper+pocketsphinx": Whisper with pocketsphinx's reading as a second opinion.
    both = name == "whisper+pocketsphinx"
    engine = open_engine("whisper" if both else name, intents, second_opinion=both)
    load_s = time.perf_counter() - t
    parser = IntentParser(intents)
    listener = Listener(engine, parser, front_end=open_front_end(front_end))
    described = engine.describe()
    result: dict[str, Any] = {"engine": described, "load_s": round(load_s, 2), "conditions": {}}
    result["front_end"] = front_end
    if not engine.noise_front_end:
        result["front_end"] = "none (the engine takes none, voice/engines/base.py)"
    if synthetic_set:
        commands, ood = load_commands()
        voices = [v for v in VOICES if synthetic.available(v)]
        if quick:
            commands, ood, voices = commands[::5], ood[::4], voices[:2]
        result["voices"] = voices
        for snr in snrs:
            tally = run_condition(listener, parser, commands + ood, voices, snr, dump, tail_s)
            _report(result, described, snr, tally)
    if human and HUMAN.is_dir():
        barista, engine_h = intents, engine
        if synthetic_set:
            del listener, engine
            gc.collect()
            barista = load_intents([HUMAN_INTENTS])
            engine_h = open_engine("whisper" if both else name, barista, second_opinion=both)
        parser_h = IntentParser(barista)
        cases = load_human()[:: 4 if quick else 1]
        listener_h = Listener(engine_h, parser_h, front_end=open_front_end(front_end))
        tally = run_condition(listener_h, parser_h, cases, ["human"], "clean", dump)
        _report(result, engine_h.describe(), "human", tally)
    if dump is not None:
        out.close()
    result["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def _report(result: dict[str, Any], engine: str, condition: str, tally: Tally) -> None:
    figures = tally.figures()
    result["conditions"][condition] = {**figures, "misses": tally.misses}
    print(f"{engine} {condition}: {json.dumps(figures)}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--engine", default="whisper,pocketsphinx", help="comma-separated: whisper, pocketsphinx, vosk"
    )
    p.add_argument("--snr", default="clean,10,5", help="comma-separated: clean and/or dB values")
    p.add_argument("--quick", action="store_true", help="a fifth of the commands, two voices, 10 recordings")
    p.add_argument("--human-only", action="store_true", help="only the human recordings")
    p.add_argument("--no-human", action="store_true", help="only the synthetic set")
    p.add_argument("--dump", type=Path, help="append every utterance (said, heard, done) to this JSONL file")
    p.add_argument(
        "--front-end",
        default=DEFAULT_FRONT_END,
        choices=FRONT_ENDS,
        help=f"cabin-noise front end before the recognizer (default {DEFAULT_FRONT_END})",
    )
    p.add_argument(
        "--tail",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="this much more of the same noise after each synthetic command (a cabin does not fall silent)",
    )
    p.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # child process: one engine
    args = p.parse_args(argv)
    if not 0 <= args.tail <= 30:
        p.error(f"--tail {args.tail:g}: give the seconds of noise after the words, 0 to 30")
    engines = args.engine.split(",")
    snrs = args.snr.split(",")
    if args.one:
        try:
            run = run_engine(
                engines[0],
                snrs,
                args.quick,
                not args.no_human,
                not args.human_only,
                args.dump,
                args.front_end,
                args.tail,
            )
        except VoiceError as exc:  # a front end whose package is not installed, a missing model
            print(f"bench.voice: {exc.line()}", file=sys.stderr)
            return 2
        print(json.dumps(run, ensure_ascii=False))
        return 0
    runs = []
    for name in engines:
        # One process per engine: peak memory is then that engine's, not the sum of all loaded so far.
        child = [sys.executable, "-m", "bench.voice", "--one", "--engine", name, "--snr", args.snr]
        child += [f for f, on in (("--quick", args.quick), ("--human-only", args.human_only)) if on]
        child += ["--no-human"] if args.no_human else []
        child += ["--front-end", args.front_end, "--tail", str(args.tail)]
        child += ["--dump", str(args.dump.resolve())] if args.dump else []
        out = subprocess.run(child, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False)
        if out.returncode != 0:
            print(f"bench.voice: {name} failed (exit {out.returncode})", file=sys.stderr)
            return out.returncode
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        json.dumps(
            {"bench": "voice", "quick": args.quick, "tail_s": args.tail, "runs": runs}, ensure_ascii=False
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
