"""What kind of audio a file holds, and whether this player can play it.

The scan names each file's codec from the container mutagen recognised (the fact about the file, kept in
the library index); whether it plays is asked of libsndfile at run time (``soundfile.available_formats``),
so an index written on one machine stays true on a Pi with another libsndfile. libsndfile has no AAC or
ALAC decoder, so an M4A is listed but marked as not playable, with what to do about it.
"""

from __future__ import annotations

from functools import lru_cache

# mutagen's file class → the codec it holds (MP4 is refined by its stream info: AAC or ALAC).
_CODECS = {
    "MP3": "MP3",
    "EasyMP3": "MP3",
    "FLAC": "FLAC",
    "OggFLAC": "FLAC",
    "OggVorbis": "Vorbis",
    "OggOpus": "Opus",
    "WAVE": "WAV",
    "AIFF": "AIFF",
    "MP4": "AAC",
    "EasyMP4": "AAC",
}
# codec → (libsndfile major format, subtype that must be available or None)
_LIBSNDFILE = {
    "MP3": ("MP3", None),
    "FLAC": ("FLAC", None),
    "Vorbis": ("OGG", "VORBIS"),
    "Opus": ("OGG", "OPUS"),
    "WAV": ("WAV", None),
    "AIFF": ("AIFF", None),
}
CONVERT_TO = "FLAC, Ogg or MP3"


def codec_of(audio: object) -> str:
    """The codec of a file mutagen opened ("" when it is a kind this table does not know)."""
    kind = type(audio).__name__
    codec = _CODECS.get(kind, "")
    if codec == "AAC" and "alac" in str(getattr(getattr(audio, "info", None), "codec", "")).lower():
        return "ALAC"
    return codec


@lru_cache(maxsize=32)
def playable(codec: str) -> bool:
    """True when libsndfile here decodes ``codec``; an unknown codec ("") is tried rather than refused."""
    if not codec:
        return True
    wanted = _LIBSNDFILE.get(codec)
    if wanted is None:
        return False  # AAC, ALAC: no decoder in libsndfile
    import soundfile

    major, subtype = wanted
    if major not in soundfile.available_formats():
        return False  # MP3 before libsndfile 1.1
    return subtype is None or subtype in soundfile.available_subtypes(major)
