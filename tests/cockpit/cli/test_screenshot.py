from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from cockpit.cli.main import main

from ..media.conftest import make_music


def test_panel_help_lists_the_panels(capsys) -> None:
    from ui.panels import PANELS

    assert main(["screenshot", "--panel", "help"]) == 0
    listed = capsys.readouterr().out.split()
    assert listed == [p.key for p in PANELS]
    assert {"energy", "navigation", "cabin", "health", "can"} <= set(listed)


@pytest.mark.parametrize(
    ("panel", "size", "theme", "lang", "profile"),
    [("energy", "800x480", "light", "zh", "pi"), ("can", "1920x720", "dark", "en", "desktop")],
)
def test_renders_a_panel_at_the_size_asked(
    tmp_path: Path, panel: str, size: str, theme: str, lang: str, profile: str
) -> None:
    out = tmp_path / f"{panel}.png"
    code = main(
        [
            "screenshot",
            "--panel",
            panel,
            "--out",
            str(out),
            "--size",
            size,
            "--theme",
            theme,
            "--lang",
            lang,
            "--after",
            "1.5",
            "--profile",
            profile,
        ]
    )
    assert code == 0
    image = QImage(str(out))
    width, height = map(int, size.split("x"))
    assert (image.width(), image.height()) == (width, height)
    # Not a blank frame: the dark and light themes both put many colours on screen.
    colours = {image.pixel(x, y) for x in range(0, width, 17) for y in range(0, height, 17)}
    assert len(colours) > 20


def test_unknown_panel_and_bad_output_are_one_line_errors(capsys, tmp_path: Path) -> None:
    assert main(["screenshot", "--panel", "radio", "--out", str(tmp_path / "x.png")]) == 2
    panels = "Panels: home, energy, navigation, media, cabin, health, updates, companion, can, remote"
    assert panels in capsys.readouterr().err
    assert main(["screenshot", "--panel", "energy", "--out", str(tmp_path / "x.jpg")]) == 2
    assert ".png" in capsys.readouterr().err


def longest_accent_run(image: QImage, accent: str) -> int:
    """The longest horizontal line of the accent colour: the voice overlay's 2 px border is one."""
    from PySide6.QtGui import QColor

    target = QColor(accent)
    best = 0
    for y in range(image.height()):
        run = 0
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            close = max(
                abs(c.red() - target.red()), abs(c.green() - target.green()), abs(c.blue() - target.blue())
            )
            run = run + 1 if close < 24 else 0
            best = max(best, run)
    return best


def test_a_long_shot_still_shows_the_voice_overlay_and_it_is_no_layout_problem(
    tmp_path: Path, capsys
) -> None:
    import json

    from ui.theme import DARK

    out = tmp_path / "voice.png"
    args = ["screenshot", "--panel", "energy", "--out", str(out), "--size", "1280x720", "--json"]
    # Heard seconds before a shot taken well after the overlay would have closed had it been heard at once.
    code = main([*args, "--voice", "close the windows", "--after", "9"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["problems"] == []
    assert longest_accent_run(QImage(str(out)), DARK.accent) >= 650


def test_play_shows_the_first_song_in_the_bar_and_the_cabin_still_fits(tmp_path: Path, capsys) -> None:
    import json

    music = make_music(tmp_path / "Music")
    out = tmp_path / "cabin.png"
    args = ["screenshot", "--panel", "cabin", "--out", str(out), "--size", "800x480", "--json"]
    # No sound device is needed: the song plays to a silent output.
    code = main([*args, "--music", str(music), "--play", "--after", "1"])
    report = json.loads(capsys.readouterr().out)
    assert report["now_playing"] == "Neon Rain · Aurora Lane"  # the first song by artist and album
    assert code == 0 and report["problems"] == []


def test_play_without_songs_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    args = ["screenshot", "--panel", "cabin", "--out", str(tmp_path / "x.png"), "--music", str(empty)]
    assert main([*args, "--play", "--after", "0.5"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"cockpit: {empty}: no song to play. Give --music DIR with playable songs"]
