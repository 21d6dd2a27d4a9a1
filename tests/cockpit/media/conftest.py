"""Audio made by the tests: short tones written with the standard library, tags written by mutagen."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from mutagen.id3 import APIC, TALB, TIT2, TPE1, TRCK
from mutagen.mp4 import MP4
from mutagen.wave import WAVE

from cockpit.media.player import BLOCK_FRAMES

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5f7dc5f0000000049454e44ae426082"
)


def write_tone(path: Path, seconds: float = 0.2, rate: int = 8000, hz: float = 440.0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * hz * i / rate)))
        for i in range(int(seconds * rate))
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return path


def tag(path: Path, title: str, artist: str, album: str, track_no: int, cover: bytes | None = None) -> Path:
    audio = WAVE(str(path))
    if audio.tags is None:
        audio.add_tags()
    audio.tags.add(TIT2(encoding=3, text=title))
    audio.tags.add(TPE1(encoding=3, text=artist))
    audio.tags.add(TALB(encoding=3, text=album))
    audio.tags.add(TRCK(encoding=3, text=f"{track_no}/9"))
    if cover is not None:
        audio.tags.add(APIC(encoding=3, mime="image/png", type=3, desc="front", data=cover))
    audio.save()
    return path


def _atom(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I4s", 8 + len(payload), kind) + payload


def write_m4a(path: Path, title: str, artist: str, album: str, track_no: int, seconds: float = 30.0) -> Path:
    """An iTunes-style .m4a as the scan sees one (no encoder is needed): an MP4 container with its length
    in the movie header and tags written by mutagen, but no audio a decoder could play."""
    path.parent.mkdir(parents=True, exist_ok=True)
    matrix = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
    mvhd = struct.pack(">5I", 0, 0, 0, 1000, int(seconds * 1000))  # version/flags, times, timescale, length
    mvhd += struct.pack(">IH10x", 0x10000, 0x100) + matrix + bytes(24) + struct.pack(">I", 2)
    path.write_bytes(
        _atom(b"ftyp", b"M4A \x00\x00\x02\x00M4A mp42isom") + _atom(b"moov", _atom(b"mvhd", mvhd))
    )
    audio = MP4(str(path))
    audio["\xa9nam"], audio["\xa9ART"], audio["\xa9alb"] = [title], [artist], [album]
    audio["trkn"] = [(track_no, 9)]
    audio.save()
    return path


def make_music(root: Path) -> Path:
    """Two artists, three albums, five tagged tracks, one untagged file, one corrupt file."""
    rows = [
        ("Aurora Lane", "Harbour Lights", "Morning Tide", 1),
        ("Aurora Lane", "Harbour Lights", "Salt Wind", 2),
        ("Aurora Lane", "City Nights", "Neon Rain", 1),
        ("Kite Theory", "Paper Skies", "Updraft", 1),
        ("Kite Theory", "Paper Skies", "Glide Path", 2),
    ]
    for artist, album, title, no in rows:
        f = write_tone(root / artist / album / f"{no:02d} {title}.wav")
        tag(f, title, artist, album, no, cover=PNG_1PX if title == "Morning Tide" else None)
    write_tone(root / "loose" / "untitled demo.wav")
    (root / "loose" / "broken.flac").write_bytes(b"not a flac file at all")
    (root / "loose" / "notes.txt").write_text("not audio")
    return root


@pytest.fixture
def music(tmp_path: Path) -> Path:
    return make_music(tmp_path / "Music")


class FakeOutput:
    instances: ClassVar[list[FakeOutput]] = []

    def __init__(self, samplerate: int, channels: int, fill) -> None:
        self.samplerate, self.channels, self.fill = samplerate, channels, fill
        self.running = False
        self.closed = False
        FakeOutput.instances.append(self)

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False

    def close(self) -> None:
        self.closed = True

    def pull(self) -> np.ndarray:
        """One block, as the audio callback would; stops the stream at the end of the track."""
        out = np.zeros((BLOCK_FRAMES, self.channels), dtype=np.float32)
        if not self.fill(out, BLOCK_FRAMES):
            self.running = False
        return out
