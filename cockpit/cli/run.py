"""``cockpit run`` (the default): the head unit window."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from vehicle_bus.errors import InputError
from voice.assistant_loop import VoiceOptions

from ..ota.content import InstalledContent
from ..runtime_profile import DESKTOP, RuntimeProfile, choose_profile
from ..session import Session, SessionOptions
from .companion import add_companion_options, companion_options
from .mqtt_options import add_mqtt_options, connect_options
from .progress import IndexBar, wants_bar
from .vehicle_options import (
    add_can_options,
    add_channel_option,
    add_vehicle_options,
    channel_choice,
    vehicle_and_bus,
)


def add_look_options(p: argparse.ArgumentParser) -> None:
    look = p.add_argument_group("look")
    look.add_argument(
        "--size", type=parse_size, default=(1280, 720), metavar="WxH", help="window size (default 1280x720)"
    )
    look.add_argument("--theme", choices=("dark", "light", "auto"), default="dark")
    look.add_argument("--lang", choices=("en", "zh"), default="en")
    look.add_argument("--units", choices=("metric", "imperial"), default="metric")


def add_source_options(p: argparse.ArgumentParser) -> None:
    add_can_options(p)
    add_vehicle_options(p)
    src = p.add_argument_group("log replay")
    src.add_argument("--replay", metavar="LOG", help="play a recorded log instead of a live bus")
    src.add_argument("--speed", type=float, default=1.0, metavar="X", help="replay speed, 0.1 up (default 1)")
    src.add_argument("--loop", action="store_true", help="replay in a loop")
    add_channel_option(p)
    p.add_argument(
        "--cycle", default="route", metavar="wltc|idle|route", help="simulator drive cycle (default route)"
    )
    p.add_argument(
        "--fault", action="append", default=[], metavar="NAME", help="simulator fault (repeatable)"
    )
    p.add_argument("--charge", choices=("ac", "dc"), help="simulator: start parked on an AC or DC charger")
    nav = p.add_argument_group("navigation")
    nav.add_argument(
        "--map",
        metavar="FILE",
        help=".osm.pbf or map cache (default: the map an update installed, else the built-in town)",
    )
    nav.add_argument("--destination", metavar="LAT,LON|NAME", help="start guidance to this place")
    p.add_argument_group("media").add_argument(
        "--music", metavar="DIR", help="music folder to play from (default: your music folder)"
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="start the head unit (the default command)")
    add_source_options(p)
    add_look_options(p)
    p.add_argument("--fullscreen", action="store_true")
    p.add_argument(
        "--kiosk",
        action="store_true",
        help="full screen, no decorations or cursor, screen kept awake; leave with Ctrl+Alt+Q or a 3 s press "
        "on the clock",
    )
    add_profile_option(p)
    add_voice_options(p)
    add_mqtt_options(p)
    add_companion_options(p, flag=True)
    p.set_defaults(handler=run)


def add_profile_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--profile",
        choices=("auto", "desktop", "pi"),
        default="auto",
        help="runtime profile: pi = 30 Hz UI, thinner plots, simpler map (auto: pi on ARM)",
    )


def add_voice_options(p: argparse.ArgumentParser) -> None:
    v = p.add_argument_group("voice (push to talk: the mic button or F2)")
    v.add_argument("--no-voice", action="store_true", help="no voice assistant")
    v.add_argument(
        "--voice-engine",
        choices=("auto", "whisper", "vosk", "pocketsphinx"),
        default="auto",
        help="auto: Whisper when installed, else Vosk when a model is found, else pocketsphinx",
    )
    v.add_argument("--whisper-model", metavar="DIR", help="Whisper tiny.en folder (CTranslate2)")
    v.add_argument("--vosk-model", metavar="DIR", help="Vosk model folder")
    v.add_argument("--intents", action="append", default=[], metavar="FILE", help="more intent templates")
    v.add_argument("--mic", metavar="DEVICE", help="microphone (index or part of its name)")
    v.add_argument("--no-speak", action="store_true", help="no spoken replies")
    v.add_argument("--no-wake", action="store_true", help='no "hey cockpit" wake phrase (push to talk only)')
    v.add_argument(
        "--no-noise-suppression",
        action="store_true",
        help="hand the microphone's signal to the recognizer as it is (no cabin-noise front end)",
    )


def voice_options(
    args: argparse.Namespace, profile: RuntimeProfile = DESKTOP, content: InstalledContent | None = None
) -> VoiceOptions:
    """``content``: what updates installed: its models are looked in first, its intent templates are merged
    over the shipped ones (and under the user's ``--intents``)."""
    engine = args.voice_engine
    if engine == "auto" and not args.no_voice:
        affordable, why = profile.voice_choice()
        if affordable == "pocketsphinx":
            # Too little free memory for a neural model next to the head unit (the pi profile).
            engine = "pocketsphinx"
        if profile.name != "desktop":
            print(f"cockpit: voice engine: {why}", file=sys.stderr)
    return VoiceOptions(
        enabled=not args.no_voice,
        engine=engine,
        whisper_model=getattr(args, "whisper_model", None),
        vosk_model=args.vosk_model,
        intents=[*(str(f) for f in content.intent_files("en")), *args.intents]
        if content
        else list(args.intents),
        model_dirs=content.voice_model_dirs() if content else [],
        speak=not args.no_speak,
        mic=args.mic,
        wake=not args.no_wake,
        noise_suppression=not getattr(args, "no_noise_suppression", False),
    )


def parse_size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,4})[xX×](\d{3,4})", text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1280x720, not {text!r}")
    width, height = int(match.group(1)), int(match.group(2))
    if width < 800 or height < 480:
        raise argparse.ArgumentTypeError("the smallest supported size is 800x480")
    return width, height


def session_options(args: argparse.Namespace) -> SessionOptions:
    if args.speed < 0.1:
        raise InputError(f"--speed {args.speed} is below 0.1", fix="Use 0.1 or more")
    return SessionOptions(
        **vehicle_and_bus(args),
        replay=args.replay,
        speed=args.speed,
        loop=args.loop,
        channel=channel_choice(args.channel, None),
        cycle=args.cycle,
        faults=tuple(args.fault),
        charge=args.charge,
        map=args.map,
        destination=args.destination,
        music=args.music,
    )


def open_session(options: SessionOptions, terminal_progress: bool = False) -> Session:
    """A started session; what cannot start becomes the banner, on the demo vehicle if need be.

    ``terminal_progress``: also show the reading of a replay's log as a bar on stderr (when a terminal).
    """
    try:
        session = Session(options)
    except InputError as exc:
        # The vehicle's DBC or mapping is broken: show the demo car and say why, rather than no window.
        session = Session(SessionOptions(cycle=options.cycle, history_hz=options.history_hz))
        session.start()
        session.problem = f"{exc.line()} (showing the simulated demo vehicle)"
        return session
    if terminal_progress and options.replay and wants_bar():
        session.on_loading = IndexBar(Path(options.replay).name)
    try:
        session.start()
    except InputError as exc:
        session.problem = exc.line()
    return session


def run(args: argparse.Namespace) -> int:
    from ..doctor.preflight import require_qt_platform

    require_qt_platform(args.lang)  # before Qt, which would abort naming the wrong library
    options = session_options(args)
    mqtt = connect_options(args) if args.mqtt else None  # bad --mqtt options fail before the window
    profile = choose_profile(args.profile)
    options.history_hz = profile.history_hz
    from ui.app import HeadUnit, Look, application
    from ui.gui_thread_gc import GuiThreadGc

    app = application()
    # Before the session starts its reader threads: from here on Qt objects are freed on the GUI thread.
    # (A failed start exits the process, so the collector is only given back after a run.)
    collector = GuiThreadGc()
    session = open_session(options, terminal_progress=True)
    if mqtt is not None:
        from ..connect.service import ConnectService

        session.connect = ConnectService(session, mqtt)  # ticked by the window
        session.connect.start()
    # Content installed by an update was checked when the session started (A/B rollback, docs/ota.md).
    session.problem = session.problem or session.content_notice
    if args.companion:
        start_companion(session, args)
    look = Look(
        size=args.size,
        theme=args.theme,
        lang=args.lang,
        units=args.units,
        fullscreen=args.fullscreen,
        kiosk=args.kiosk,
        profile=profile.name,
    )
    head_unit = HeadUnit(session, look, voice_options(args, profile, session.content))
    head_unit.show()
    head_unit.quit_on_signals()
    try:
        code = app.exec()
    finally:
        collector.stop()
        voice = getattr(head_unit.window, "voice", None)
        if voice is not None:
            # A recognizer still loading (Whisper's CTranslate2 threads) must not be cut off by the exit:
            # the C++ runtime aborts the process ("terminate called without an active exception").
            voice.loop.close(timeout_s=60.0)
        if session.connect is not None:
            session.connect.close()
        if session.companion is not None:
            session.companion.close()
        session.close()
    if session.problem:
        print(f"cockpit: {session.problem}", file=sys.stderr)
    return code


def start_companion(session: Session, args: argparse.Namespace) -> None:
    """Serve the phone companion beside the window; ticked by the window, where touch commands run."""
    from ..companion.service import CompanionService

    try:
        service = CompanionService(session, companion_options(args))  # type: ignore[arg-type]
        service.start()
    except InputError:
        session.close()
        raise
    session.companion = service
    print(f"companion: {service.base_url}, certificate {service.certificate.fingerprint}", file=sys.stderr)
