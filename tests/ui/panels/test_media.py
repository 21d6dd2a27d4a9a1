from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from cockpit.media.controller import MediaController
from ui.media_bridge import KEY, MediaBridge
from ui.panels.media import MediaPanel
from ui.widgets.now_playing import NowPlayingBar

from ...cockpit.media.conftest import FakeOutput, make_music
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
    assert panel.title.text() == "Glide Path" and panel.play.text() == "❚❚"
    bar.refresh()
    assert not bar.isHidden() and bar.title.text() == "Glide Path · Kite Theory"
    bar.louder.click()
    assert bridge.controller.now_playing().level == 5
    assert wait_until(lambda: panel.mute.text() == "♪ 5")  # the panel follows on the bridge's timer
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
