"""WAV input: other rates are resampled, stereo mixed down, what cannot be read is one clear line."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from voice.audio.wav import read_wav, write_wav
from voice.errors import VoiceError


def _tone(rate: int, seconds: float = 0.5, hz: float = 440.0) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    return (np.sin(2 * np.pi * hz * t) * 12000).astype(np.int16)


def test_a_44k_stereo_file_becomes_16k_mono_with_notes(tmp_path):
    left, right = _tone(44100), _tone(44100)
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(44100)
        w.writeframes(np.column_stack([left, right]).tobytes())
    audio = read_wav(path)
    assert audio.seconds == pytest.approx(0.5, abs=0.01)
    assert audio.notes == ["2 channels mixed down to mono", "resampled from 44100 Hz to 16000 Hz"]
    # Still a 440 Hz tone after resampling: the spectrum peaks there.
    spectrum = np.abs(np.fft.rfft(audio.samples.astype(float)))
    assert np.argmax(spectrum) * 16000 / len(audio.samples) == pytest.approx(440, abs=5)


def test_a_16k_mono_file_is_read_as_is(tmp_path):
    samples = _tone(16000)
    write_wav(tmp_path / "ok.wav", samples)
    audio = read_wav(tmp_path / "ok.wav")
    assert audio.notes == []
    assert np.array_equal(audio.samples, samples)


def test_8_bit_and_24_bit_files_are_read(tmp_path):
    for width in (1, 3):
        path = tmp_path / f"w{width}.wav"
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(width)
            w.setframerate(16000)
            data = (
                np.full(1600, 128 + 64, np.uint8)
                if width == 1
                else np.tile(np.array([0, 0, 0x40], np.uint8), 1600)
            )
            w.writeframes(data.tobytes())
        assert read_wav(path).samples.mean() == pytest.approx(16384, rel=0.01)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x03\x00\x01\x00\x80\x3e\x00\x00\x00\xfa\x00\x00"
            b"\x04\x00\x20\x00data\x00\x00\x00\x00",
            "not a PCM WAV file",
        ),
        (b"this is not audio", "not a PCM WAV file"),
    ],
    ids=["float-wav", "text"],
)
def test_unusable_files_say_what_and_how_to_convert(tmp_path, content, message):
    path = tmp_path / "bad.wav"
    path.write_bytes(content)
    with pytest.raises(VoiceError, match=message) as err:
        read_wav(path)
    assert str(path) in err.value.line() and "sox" in err.value.line()


def test_an_empty_or_missing_file_is_one_line(tmp_path):
    write_wav(tmp_path / "empty.wav", np.zeros(0, np.int16))
    with pytest.raises(VoiceError, match="no samples"):
        read_wav(tmp_path / "empty.wav")
    with pytest.raises(VoiceError, match="not found"):
        read_wav(tmp_path / "nope.wav")
