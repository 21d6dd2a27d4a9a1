"""Benchmark: opening a 10,000-track music folder the first time and the second time (from the index).

Prints one JSON line. The folder is generated: tiny WAV tones with ID3 tags written by mutagen, 20 tracks an
album, 10 albums an artist. Figures (median of ``--repeat`` runs of each, taking turns):

* ``first_open_s``: scanning with no index (every file's tags read by mutagen);
* ``second_open_s``: opening again with the index (stat every file, read the index, nothing re-read);
* ``second_vs_walk`` = second open ÷ the reference: a bare ``os.walk`` + ``os.stat`` of the same files, the
  least any scan that notices changed files must do (target ≤ 3: "instant" means close to listing the folder);
* ``first_vs_second``: how much the index saves.

With ``--decode`` it measures the playback choice instead: decoding a generated 30 s stereo FLAC and Ogg
(made with sox) to float32 with soundfile and with miniaudio (if installed; it is not a dependency), the
median of ``--repeat`` runs; ``miniaudio_vs_soundfile`` > 1 means soundfile is faster.

Run: ``python -m bench.media [--tracks 10000] [--repeat 3] [--decode]``
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import struct
import tempfile
import time
import wave
from pathlib import Path

from mutagen.id3 import TALB, TIT2, TPE1, TRCK
from mutagen.wave import WAVE

from cockpit.media.cache import open_library


def make_folder(root: Path, tracks: int) -> None:
    template = root / "template.wav"
    with wave.open(str(template), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 3))) for i in range(800)))
    for n in range(tracks):
        artist, album, no = n // 200, (n // 20) % 10, n % 20 + 1
        path = root / f"Artist {artist:03d}" / f"Album {album}" / f"{no:02d} Track {n}.wav"
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, path)
        audio = WAVE(str(path))
        audio.add_tags()
        audio.tags.add(TIT2(encoding=3, text=f"Track {n}"))
        audio.tags.add(TPE1(encoding=3, text=f"Artist {artist:03d}"))
        audio.tags.add(TALB(encoding=3, text=f"Album {album}"))
        audio.tags.add(TRCK(encoding=3, text=str(no)))
        audio.save()
    template.unlink()


def walk_and_stat(root: Path) -> int:
    count = 0
    for folder, _dirs, files in os.walk(root):
        for name in files:
            os.stat(os.path.join(folder, name))
            count += 1
    return count


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def decode_choice(repeat: int) -> dict[str, object]:
    import subprocess

    import soundfile

    try:
        import miniaudio
    except ImportError:
        miniaudio = None
    figures: dict[str, object] = {"bench": "media_decode"}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("flac", "ogg"):
            path = str(Path(tmp) / f"tone.{fmt}")
            subprocess.run(
                ["sox", "-n", "-r", "44100", "-c", "2", path, "synth", "30", "sine", "440"],
                check=True,
                capture_output=True,
            )
            sf = statistics.median(
                timed(lambda p=path: soundfile.read(p, dtype="float32")) for _ in range(repeat)
            )
            figures[f"{fmt}_soundfile_s"] = round(sf, 3)
            if miniaudio is not None:
                fmt_f32 = miniaudio.SampleFormat.FLOAT32
                ma = statistics.median(
                    timed(lambda p=path, f=fmt_f32: miniaudio.decode_file(p, output_format=f))
                    for _ in range(repeat)
                )
                figures[f"{fmt}_miniaudio_s"] = round(ma, 3)
                figures[f"{fmt}_miniaudio_vs_soundfile"] = round(ma / sf, 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--decode", action="store_true", help="measure the playback decoders instead")
    args = parser.parse_args()
    if args.decode:
        print(json.dumps(decode_choice(args.repeat)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        root, cache = Path(tmp) / "Music", Path(tmp) / "cache"
        root.mkdir()
        make_start = time.perf_counter()
        make_folder(root, args.tracks)
        made_s = time.perf_counter() - make_start
        first, second, walk = [], [], []
        for run in range(args.repeat):
            run_cache = cache / str(run)
            first.append(timed(lambda c=run_cache: open_library(root, cache_dir=c)))
            second.append(timed(lambda c=run_cache: open_library(root, cache_dir=c)))
            walk.append(timed(lambda: walk_and_stat(root)))
        result = open_library(root, cache_dir=cache / "0")
        assert len(result.tracks) == args.tracks and result.reused == args.tracks
        f, s, w = (statistics.median(x) for x in (first, second, walk))
        print(
            json.dumps(
                {
                    "bench": "media_library",
                    "tracks": args.tracks,
                    "generate_s": round(made_s, 2),
                    "first_open_s": round(f, 3),
                    "second_open_s": round(s, 3),
                    "walk_stat_s": round(w, 3),
                    "second_vs_walk": round(s / w, 2),
                    "first_vs_second": round(f / s, 1),
                    "target_second_vs_walk": 3.0,
                }
            )
        )


if __name__ == "__main__":
    main()
