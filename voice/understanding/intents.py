"""Intent templates (Home Assistant's hassil format): the shipped file, merged with a user's own files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml
from hassil import Intents
from hassil.util import merge_dict

from ..errors import VoiceError

INTENTS_DIR = Path(__file__).resolve().parents[2] / "assets" / "intents"


def default_intents_file(language: str = "en") -> Path:
    return INTENTS_DIR / f"{language}.yaml"


def load_intents(extra: Sequence[str | Path] = (), language: str = "en") -> Intents:
    """The shipped templates for ``language`` with each file of ``extra`` merged over them, in order.

    A user's file may add intents, sentences to an intent, list values or rules; keys it repeats replace
    ours (hassil's own merge). A file with a YAML error or without the format's keys is one clear line.
    """
    merged: dict[str, Any] = {}
    base = default_intents_file(language)
    files = [base, *map(Path, extra)] if base.exists() else list(map(Path, extra))
    if not files:
        raise VoiceError(f"no intent templates for language {language!r}", fix="Give --intents FILE")
    for path in files:
        merge_dict(merged, _read(path))
    try:
        return Intents.from_dict(merged)
    except Exception as exc:  # hassil raises whatever its template parser hits
        where = ", ".join(str(p) for p in files)
        raise VoiceError(
            f"bad intent template: {exc}", where=where, fix="See assets/intents/en.yaml"
        ) from None


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VoiceError("intents file not found", where=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc)
        raise VoiceError(f"not valid YAML ({problem})", where=where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise VoiceError(f"cannot read the intents file: {exc}", where=str(path)) from None
    if not isinstance(data, dict) or not isinstance(data.get("intents", {}), dict):
        raise VoiceError(
            "not an intents file (expected a mapping with 'language' and 'intents')",
            where=str(path),
            fix="See assets/intents/en.yaml for the format",
        )
    for name, intent in data.get("intents", {}).items():
        if not isinstance(intent, dict) or not isinstance(intent.get("data"), list):
            raise VoiceError(f"intent {name!r} has no 'data' list of sentences", where=str(path))
    return data
