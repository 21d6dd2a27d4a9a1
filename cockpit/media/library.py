"""Scan a music folder into tracks: tags and duration read with mutagen, cover art found but loaded lazily.

A folder of 10,000 files must open at once on the second start, so this module only reads tags of files the
cache (``cockpit.media.cache``) does not already know with the same size and modification time; covers are
not read during the scan (a 500 KB picture per file would make the index and the scan large), only whether
the folder has a cover image: the embedded picture is read when a track is shown.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .formats import codec_of, playable

AUDIO_SUFFIXES = frozenset(
    {".mp3", ".flac", ".ogg", ".oga", ".opus", ".m4a", ".mp4", ".wav", ".aiff", ".aif"}
)
FOLDER_COVERS = ("cover.jpg", "cover.png", "folder.jpg", "folder.png", "front.jpg", "front.png")
UNKNOWN_ARTIST = "Unknown artist"
UNKNOWN_ALBUM = "Unknown album"


@dataclass(frozen=True)
class Track:
    path: str
    title: str
    artist: str
    album: str
    track_no: int
    duration_s: float
    size: int
    mtime_ns: int
    folder_cover: str | None = None  # an image file beside the track, if the folder has one
    codec: str = ""  # what the file holds (formats.codec_of): "AAC" is listed but cannot be played

    @property
    def playable(self) -> bool:
        """False for a file this player cannot decode (AAC, ALAC): listed, marked, skipped when played."""
        return playable(self.codec)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class Unreadable:
    path: str
    reason: str


@dataclass
class ScanResult:
    tracks: list[Track] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    reused: int = 0  # tracks taken from the cache without reading the file

    @property
    def unplayable(self) -> list[Track]:
        """Tracks listed but not playable here (their tags read, their codec has no decoder)."""
        return [t for t in self.tracks if not t.playable]


def audio_files(root: Path) -> Iterator[tuple[str, os.stat_result, str | None]]:
    """(path, stat, folder cover) of every audio file under ``root``, in a stable order."""
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        names = {e.name.lower(): e.path for e in entries}
        cover = next((names[c] for c in FOLDER_COVERS if c in names), None)
        subfolders = []
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in AUDIO_SUFFIXES:
                try:
                    yield entry.path, entry.stat(), cover
                except OSError:
                    continue
        stack.extend(reversed(subfolders))


# WAV and AIFF carry ID3 tags that mutagen offers only by frame id, not by the easy names.
_ID3_FRAMES = {
    "title": "TIT2",
    "artist": "TPE1",
    "albumartist": "TPE2",
    "album": "TALB",
    "tracknumber": "TRCK",
}


def _first(tags: object, key: str) -> str:
    if hasattr(tags, "getall"):
        key = _ID3_FRAMES[key]
    try:
        values = tags[key]  # type: ignore[index]
    except (KeyError, TypeError, ValueError):
        return ""
    values = getattr(values, "text", values)
    return str(values[0]).strip() if values else ""


def _track_no(text: str) -> int:
    head = text.split("/", 1)[0].strip()
    return int(head) if head.isdigit() else 0


def read_track(path: str, st: os.stat_result, folder_cover: str | None) -> Track:
    """The track at ``path``; raises ValueError with a reason when mutagen cannot read it."""
    import mutagen

    try:
        audio = mutagen.File(path, easy=True)
    except (mutagen.MutagenError, OSError, ValueError, IndexError, KeyError) as exc:
        raise ValueError(f"unreadable tags or audio ({type(exc).__name__}: {exc})") from exc
    if audio is None:
        raise ValueError("not an audio format the tag library knows")
    tags = audio.tags
    stem = Path(path).stem
    return Track(
        path=path,
        title=_first(tags, "title") or stem,
        artist=_first(tags, "artist") or _first(tags, "albumartist") or UNKNOWN_ARTIST,
        album=_first(tags, "album") or UNKNOWN_ALBUM,
        track_no=_track_no(_first(tags, "tracknumber")),
        duration_s=round(float(getattr(audio.info, "length", 0.0) or 0.0), 3),
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        folder_cover=folder_cover,
        codec=codec_of(audio),
    )


def scan(
    root: Path,
    known: dict[str, Track] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ScanResult:
    """Every audio file under ``root``; files in ``known`` with the same size and mtime are not re-read."""
    known = known or {}
    result = ScanResult()
    for n, (path, st, cover) in enumerate(audio_files(root), start=1):
        cached = known.get(path)
        if cached is not None and cached.size == st.st_size and cached.mtime_ns == st.st_mtime_ns:
            if cached.folder_cover != cover:
                cached = Track(**{**cached.as_dict(), "folder_cover": cover})
            result.tracks.append(cached)
            result.reused += 1
        else:
            try:
                result.tracks.append(read_track(path, st, cover))
            except ValueError as exc:
                result.unreadable.append(Unreadable(path, str(exc)))
        if progress is not None and n % 500 == 0:
            progress(n)
    return result


def cover_art(track: Track) -> bytes | None:
    """The track's embedded picture (ID3 APIC, FLAC/Vorbis picture, MP4 covr), else the folder image."""
    import mutagen

    try:
        audio = mutagen.File(track.path)
    except (mutagen.MutagenError, OSError, ValueError):
        audio = None
    data = _embedded_picture(audio) if audio is not None else None
    if data is None and track.folder_cover:
        try:
            data = Path(track.folder_cover).read_bytes()
        except OSError:
            data = None
    return data


def _embedded_picture(audio: object) -> bytes | None:
    pictures = getattr(audio, "pictures", None)  # FLAC
    if pictures:
        return bytes(pictures[0].data)
    tags = getattr(audio, "tags", None)
    if tags is None:
        return None
    getall = getattr(tags, "getall", None)  # ID3
    if getall is not None:
        frames = getall("APIC")
        return bytes(frames[0].data) if frames else None
    try:
        covr = tags.get("covr")  # MP4
        if covr:
            return bytes(covr[0])
        blocks = tags.get("metadata_block_picture")  # Ogg Vorbis / Opus
        if blocks:
            import base64

            from mutagen.flac import Picture

            return bytes(Picture(base64.b64decode(blocks[0])).data)
    except (AttributeError, ValueError, TypeError):
        return None
    return None
