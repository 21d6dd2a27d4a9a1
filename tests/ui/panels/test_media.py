from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from cockpit.media.controller import MediaController
from ui.media_bridge import KEY, MediaBridge
from ui.panels.media import ALBUMS, ARTISTS, SONGS, UP_NEXT, MediaPanel
from ui.widgets.now_playing import NowPlayingBar

from ...cockpit.media.conftest import FakeOutput, make_music, tag, write_m4a
from ..conftest import pump_events, wait_until


def bridge_in(ctx, qtbot, tmp_path: Path, music: Path | None = None) -> MediaBridge:
    """A bridge owned by a widget the test closes (as the window owns the real one)."""
    owner = ctx.extra["media_owner"] = QWidget()  # qtbot holds widgets weakly
    qtbot.addWidget(owner)
    controller = MediaController(settings=tmp_path / "media.json", output=FakeOutput)
    bridge = MediaBridge(music or make_music(tmp_path / "Music"), controller, owner)
    ctx.extra[KEY] = bridge
    bridge.scan()
    return bridge


def test_panel_lists_the_library_filters_and_plays(qtbot, ctx, tmp_path) -> None:
    bridge = bridge_in(ctx, qtbot, tmp_path)
    panel = MediaPanel(ctx)
    qtbot.addWidget(panel)
    bar = NowPlayingBar(ctx, bridge, lambda: None)
    qtbot.addWidget(bar)
    assert wait_until(lambda: panel.model.rowCount() == 6, timeout=20)
    assert "1 files could not be read" in panel.status.text()
    assert [panel.artists.item(i).text() for i in range(panel.artists.count())][1:3] == [
        "Aurora Lane",
        "Kite Theory",
    ]
    panel.search.setText("paper")
    assert [t.title for t in panel.model.tracks] == ["Updraft", "Glide Path"]
    panel.track_view.clicked.emit(panel.model.index(1))
    assert panel.title.text() == "Glide Path" and panel.play.accessibleName() == "Pause"
    assert not panel.play.icon().isNull() and panel.play.text() == ""  # an icon, not a glyph
    bar.refresh()
    assert not bar.isHidden() and bar.title.text() == "Glide Path · Kite Theory"
    bar.louder.click()
    assert bridge.controller.now_playing().level == 5
    assert wait_until(lambda: panel.mute.text() == "5")  # the panel follows on the bridge's timer
    panel.mute.click()
    assert panel.mute.accessibleName() == "Unmute" and panel.mute.text() == ""
    bridge.controller.close()


def test_missing_music_folder_is_shown_and_the_panel_works(qtbot, ctx, tmp_path) -> None:
    bridge = bridge_in(ctx, qtbot, tmp_path, music=tmp_path / "nowhere")
    panel = MediaPanel(ctx)
    qtbot.addWidget(panel)
    assert wait_until(lambda: not bridge.scanning, timeout=10)
    wait_until(lambda: "--music" in panel.status.text())
    assert "nowhere" in panel.status.text() and panel.model.rowCount() == 0


def test_music_ducks_while_the_assistant_listens_or_speaks(qtbot, ctx, tmp_path) -> None:
    from types import SimpleNamespace

    bridge = bridge_in(ctx, qtbot, tmp_path)
    voice = SimpleNamespace(loop=SimpleNamespace(listening=False), speaker=SimpleNamespace(speaking=False))
    bridge.voice = voice
    full = bridge.controller.volume.gain()
    voice.loop.listening = True
    assert wait_until(lambda: bridge.controller.now_playing().ducked)
    assert bridge.controller.volume.gain() < full / 3
    voice.loop.listening, voice.speaker.speaking = False, True
    pump_events(0.3)  # several ticks: speaking keeps it ducked
    assert bridge.controller.now_playing().ducked
    voice.speaker.speaking = False
    assert wait_until(lambda: not bridge.controller.now_playing().ducked)
    assert bridge.controller.volume.gain() == full


def test_volume_by_speed_switch_makes_the_music_louder_when_fast_and_is_kept(qtbot, ctx, tmp_path) -> None:
    bridge = bridge_in(ctx, qtbot, tmp_path)
    panel = MediaPanel(ctx)
    qtbot.addWidget(panel)
    volume = bridge.controller.volume
    volume.speed_kmh = 100.0
    standing = volume.gain()
    assert not panel.speed_volume.isChecked()
    panel.speed_volume.click()
    assert panel.speed_volume.isChecked() and volume.speed_compensation
    assert volume.gain() > standing * 1.3  # two steps louder at 100 km/h, about +6 dB
    again = MediaController(settings=tmp_path / "media.json", output=FakeOutput)
    assert again.volume.speed_compensation  # kept across restarts
    panel.speed_volume.click()
    assert not volume.speed_compensation and volume.gain() == standing


def test_a_navigation_prompt_ducks_the_music_through_the_assistants_speaker(qtbot, ctx, tmp_path) -> None:
    """The window's one Speaker says replies and guidance alike: a prompt lowers the music until it ends."""
    from types import SimpleNamespace

    from ui.speech import SpeechOutput
    from voice.reply.tts import Speaker

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng not installed")
    speaker = Speaker(backend="espeak-ng", wav_out=str(tmp_path / "prompt.wav"))
    speech = SpeechOutput(speaker)
    bridge = bridge_in(ctx, qtbot, tmp_path)
    bridge.voice = SimpleNamespace(loop=SimpleNamespace(listening=False), speaker=speaker)
    full = bridge.controller.volume.gain()
    speech.say(
        "In four hundred metres, at the roundabout, take the third exit onto Boulevard Albert Premier, "
        "then keep left towards the harbour and the charging station on the quay.",
        "prompt",
    )
    bridge._tick()  # the bridge's next tick, while espeak-ng is still speaking
    assert speaker.speaking and bridge.controller.now_playing().ducked
    assert bridge.controller.volume.gain() < full / 3
    assert wait_until(lambda: not speaker.speaking, timeout=20)
    assert wait_until(lambda: not bridge.controller.now_playing().ducked)
    assert bridge.controller.volume.gain() == full


def test_untagged_songs_read_in_the_screen_language_and_still_filter(qtbot, ctx, tmp_path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.app import install_translation

    install_translation(QApplication.instance(), "zh")
    try:
        bridge_in(ctx, qtbot, tmp_path)
        panel = MediaPanel(ctx)
        qtbot.addWidget(panel)
        assert wait_until(lambda: panel.model.rowCount() == 6, timeout=20)
        names = [panel.artists.item(i).text() for i in range(panel.artists.count())]
        assert "未知艺术家" in names and "Unknown artist" not in names
        panel.artists.setCurrentRow(names.index("未知艺术家"))
        assert [t.title for t in panel.model.tracks] == ["untitled demo"]
        assert "未知艺术家 · 未知专辑" in panel.model.data(panel.model.index(0))
    finally:
        install_translation(QApplication.instance(), "en")
        panel.bridge.controller.close()


def shown_panel(ctx, qtbot) -> MediaPanel:
    panel = MediaPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(1280, 600)
    panel.show()
    assert wait_until(lambda: panel.model.rowCount() > 0, timeout=20)
    return panel


def titles(panel: MediaPanel) -> list[str]:
    return [t.title for t in panel.model.tracks]


def tap(view, index, on_icon: bool = False) -> None:
    """A finger on a row: on its text, or on the icon at its right end."""
    point = view.action_zone(index) if on_icon else view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def red_png() -> bytes:
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(QColor("#ff0000"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def test_browse_an_album_with_its_cover_and_play_it_in_order(qtbot, ctx, tmp_path) -> None:
    music = make_music(tmp_path / "Music")
    tide = music / "Aurora Lane" / "Harbour Lights" / "01 Morning Tide.wav"
    tag(tide, "Morning Tide", "Aurora Lane", "Harbour Lights", 1, cover=red_png())
    bridge = bridge_in(ctx, qtbot, tmp_path, music)
    panel = shown_panel(ctx, qtbot)
    panel.tabs.button(ALBUMS).click()
    assert panel.album_view.isVisible() and not panel.artists.isVisible()
    albums = [panel.albums.data(panel.albums.index(i)).split("\n")[0] for i in range(panel.albums.rowCount())]
    assert albums == ["City Nights", "Harbour Lights", "Paper Skies", "Unknown album"]
    harbour = panel.albums.index(1)
    cover = panel.albums.data(harbour, Qt.ItemDataRole.DecorationRole).toImage()
    assert cover.pixelColor(cover.width() // 2, cover.height() // 2).name() == "#ff0000"  # the album's art
    disc = panel.albums.data(panel.albums.index(0), Qt.ItemDataRole.DecorationRole)
    assert not disc.isNull()  # no cover in the files: the disc icon stands in
    tap(panel.album_view, harbour)
    assert titles(panel) == ["Morning Tide", "Salt Wind"]
    tap(panel.track_view, panel.model.index(0))
    assert panel.title.text() == "Morning Tide" and bridge.controller.now_playing().playing
    colour = panel.model.data(panel.model.index(0), Qt.ItemDataRole.ForegroundRole)
    assert colour.name() == ctx.theme.accent  # the song that plays stands out in its list
    out = FakeOutput.instances[-1]
    while out.running:  # the audio device plays the track to its end
        out.pull()
    assert wait_until(lambda: panel.title.text() == "Salt Wind")  # the album goes on in its order
    bridge.controller.close()


def test_queue_a_song_next_see_it_up_next_and_take_it_out(qtbot, ctx, tmp_path) -> None:
    bridge = bridge_in(ctx, qtbot, tmp_path)
    panel = shown_panel(ctx, qtbot)
    panel.artists.setCurrentRow(1)  # Aurora Lane
    tap(panel.track_view, panel.model.index(0))  # Neon Rain, then the rest of the artist
    panel.tabs.button(SONGS).click()
    songs = titles(panel)
    assert len(songs) == 6 and songs == sorted(songs, key=str.casefold) and songs[5] == "Updraft"
    tap(panel.track_view, panel.model.index(5), on_icon=True)
    assert panel.title.text() == "Neon Rain"  # the icon queues, it does not play
    assert panel.row_menu is not None and panel.row_menu.isVisible()
    next(a for a in panel.row_menu.actions() if a.text() == "Play next").trigger()
    panel.tabs.button(UP_NEXT).click()
    assert titles(panel) == ["Updraft", "Morning Tide", "Salt Wind"]
    assert "3 songs up next" in panel.status.text()
    tap(panel.track_view, panel.model.index(1), on_icon=True)  # out with Morning Tide
    assert titles(panel) == ["Updraft", "Salt Wind"]
    tap(panel.track_view, panel.model.index(1))  # a tap in Up next plays that song now
    assert panel.title.text() == "Salt Wind" and titles(panel) == []
    assert "Nothing queued" in panel.status.text()
    bridge.controller.play_next(bridge.catalog.by_title()[5])

    panel.tabs.button(ARTISTS).click()
    bar = NowPlayingBar(ctx, bridge, lambda: None)
    qtbot.addWidget(bar)
    assert bar.queue.accessibleName() == "Up next" and not bar.queue.icon().isNull()
    bar.queue.click()  # the bar's queue button: the media panel shows Up next
    assert panel.tabs.checkedId() == UP_NEXT and titles(panel) == ["Updraft"]
    bridge.controller.close()


def test_an_m4a_says_why_it_cannot_play_and_the_next_song_plays(qtbot, ctx, tmp_path) -> None:
    music = make_music(tmp_path / "Music")
    write_m4a(
        music / "Kite Theory" / "Paper Skies" / "01b Crosswind.m4a",
        "Crosswind",
        "Kite Theory",
        "Paper Skies",
        1,
    )
    bridge = bridge_in(ctx, qtbot, tmp_path, music)
    panel = shown_panel(ctx, qtbot)
    panel.artists.setCurrentRow(2)  # Kite Theory
    assert titles(panel) == ["Updraft", "Crosswind", "Glide Path"]
    crosswind = panel.model.index(1)
    assert "AAC · cannot be played" in panel.model.data(crosswind)
    assert panel.model.data(crosswind, Qt.ItemDataRole.ForegroundRole) is not None  # drawn dimmed
    tap(panel.track_view, crosswind)
    assert panel.status.text() == (
        "“Crosswind” is AAC, which cannot be played here: convert it to FLAC, Ogg or MP3. Skipped."
    )
    assert panel.title.text() == "Glide Path" and bridge.controller.now_playing().playing
    bridge.controller.close()


def test_the_bar_steps_aside_on_panels_that_show_what_plays(qtbot, ctx, tmp_path) -> None:
    bridge = bridge_in(ctx, qtbot, tmp_path)
    bar = NowPlayingBar(ctx, bridge, lambda: None)
    qtbot.addWidget(bar)
    assert wait_until(lambda: bool(bridge.catalog.tracks), timeout=20)
    bridge.controller.play_tracks(bridge.catalog.tracks)
    for key, shown in (("energy", True), ("media", False), ("home", False), ("navigation", True)):
        bar.follow_panel(key)
        assert bar.isHidden() != shown, key
    assert bar.height() >= 48 + 2 * ctx.px(4)  # its 48 px buttons inside it, not cut
    bridge.controller.close()
