"""``cockpit screenshot``: render a panel offscreen to a PNG after the source has run a while, and check its
layout (cut or elided text, clipped or overlapping widgets, scroll bars): exit 1 when something is wrong."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vehicle_bus.errors import InputError

from ..runtime_profile import choose_profile
from .run import add_look_options, add_profile_option, add_source_options, open_session, session_options

# --voice is heard this long before the shot: the overlay has its result by then and has not closed yet.
VOICE_LEAD_S = 3.0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="render a panel to a PNG (offscreen), for docs and checks")
    p.add_argument("--panel", required=True, metavar="NAME", help="panel to show; 'help' lists them")
    p.add_argument("--out", type=Path, metavar="FILE.png")
    p.add_argument(
        "--after", type=float, default=3.0, metavar="S", help="seconds of the source running first"
    )
    p.add_argument(
        "--voice",
        metavar="TEXT[|ALT…]",
        help="show the voice overlay as if TEXT had been heard, with n-best alternatives after '|' "
        "(readings that disagree on direction show the question); heard 3 s before the shot, so a "
        "long --after fills the charts and still catches the overlay",
    )
    p.add_argument(
        "--more",
        action="store_true",
        help="open the navigation rail's More sheet (the panels it has no room for)",
    )
    p.add_argument(
        "--play",
        action="store_true",
        help="play the first song of --music DIR (to no sound device) so the now-playing bar shows",
    )
    add_source_options(p)
    add_look_options(p)
    add_profile_option(p)
    p.add_argument(
        "--json",
        action="store_true",
        help="print the layout check as JSON (the PNG, the size, every problem found, a source problem)",
    )
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ..doctor.preflight import require_qt_platform

    require_qt_platform(args.lang)
    from ui.app import Look, application, build_window, panel_keys, save_png

    if args.panel == "help":
        print(json.dumps({"panels": panel_keys()}) if args.json else "\n".join(panel_keys()))
        return 0
    if args.panel not in panel_keys():
        raise InputError(f"unknown panel {args.panel!r}", fix="Panels: " + ", ".join(panel_keys()))
    if args.out is None or args.out.suffix.lower() != ".png":
        raise InputError("--out FILE.png is required", fix="Give a path ending in .png")
    if not args.out.parent.exists():
        raise InputError("folder does not exist", where=str(args.out.parent))
    from PySide6.QtCore import QTimer

    app = application()
    options = session_options(args)
    options.history_hz = choose_profile(args.profile).history_hz  # as `cockpit run` keeps it
    options.silent = True  # a screenshot is never heard, and CI has no sound device
    session = open_session(options)
    look = Look(size=args.size, theme=args.theme, lang=args.lang, units=args.units, profile=args.profile)
    window = build_window(session, look)
    window.show_panel(panel_keys().index(args.panel))
    window.show()
    window.start()
    failure: list[str] = []

    problems: list = []

    def shoot() -> None:
        from ui.layout_check import check_window, settle

        try:
            settle()  # what the last tick changed is laid out, as on screen before the next paint
            save_png(window, args.out)
            problems.extend(check_window(window, args.size))
        except OSError as exc:
            failure.append(str(exc))
        app.quit()

    if args.play and not window.media.play_library():
        window.close()
        session.close()
        raise InputError(
            "no song to play", where=str(window.media.music_dir), fix="Give --music DIR with playable songs"
        )
    if args.more:
        QTimer.singleShot(0, window.rail.more.click)
    if args.voice:
        text, *alternatives = (part.strip() for part in args.voice.split("|"))
        # The overlay closes a few seconds after its result: hear the text just before the shot.
        heard_at = max(0.0, args.after - VOICE_LEAD_S)
        QTimer.singleShot(round(heard_at * 1000), lambda: window.voice.hear_text(text, tuple(alternatives)))
    QTimer.singleShot(round(args.after * 1000), shoot)
    try:
        app.exec()
    finally:
        window.close()  # its timers stop before the session they drive closes
        session.close()
    if failure:
        raise InputError(failure[0])
    if session.problem:
        print(f"cockpit: {session.problem}", file=sys.stderr)
    if args.json:
        report = {
            "png": str(args.out),
            "panel": args.panel,
            "size": list(args.size),
            "problems": [p.as_dict() for p in problems],
            "source_problem": session.problem,
            # what the now-playing bar shows (--play), so a check can tell the shot had it
            "now_playing": window.now_playing.title.text() if args.play else None,
        }
        print(json.dumps(report, ensure_ascii=False))
    else:
        print(args.out)
        for problem in problems:
            print(f"cockpit: layout: {problem.line()}", file=sys.stderr)
    return 1 if problems else 0
