"""`cockpit voice download LANG`: fetch Vosk's official small model for a language, checked and unpacked.

The list of models and their MD5 sums is Vosk's own (alphacephei.com/vosk/models/model-list.json); the
model lands in the folder Vosk searches (``$VOSK_MODEL_PATH`` or ``~/.cache/vosk``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ..errors import VoiceError
from .models import check_vosk_model, download_dir

MODELS_URL = "https://alphacephei.com/vosk/models/model-list.json"
OFFLINE_FIX = (
    "On a computer with internet, download vosk-model-small-{lang} from https://alphacephei.com/vosk/models, "
    "unpack it into {dir} (or anywhere and give --vosk-model DIR)"
)


def models_url() -> str:
    # Tests and mirrors point this elsewhere; the default is Vosk's own list.
    return os.getenv("COCKPIT_VOSK_MODELS_URL", MODELS_URL)


def choose(models: list[dict[str, Any]], language: str) -> dict[str, Any]:
    """The current small model for ``language`` ("en" finds "en-us")."""
    current = [m for m in models if m.get("type") == "small" and str(m.get("obsolete")) == "false"]
    for wanted in (lambda m: m["lang"] == language, lambda m: m["lang"].startswith(language + "-")):
        found = [m for m in current if wanted(m)]
        if found:
            return found[0]
    languages = sorted({m["lang"] for m in current})
    raise VoiceError(
        f"Vosk has no small model for language {language!r}", fix="Languages: " + ", ".join(languages)
    )


def download(language: str, dest: Path | None = None, progress: bool | None = None) -> Path:
    dest = dest or download_dir()
    fix = OFFLINE_FIX.format(lang=language, dir=dest)
    try:
        with urllib.request.urlopen(models_url(), timeout=15) as response:
            models = json.load(response)
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise VoiceError(
            f"cannot reach the Vosk model list ({reason}); no internet connection", fix=fix
        ) from None
    except json.JSONDecodeError:
        raise VoiceError("the Vosk model list is not valid JSON", where=models_url(), fix=fix) from None
    entry = choose(models, language)
    name = entry["name"]
    target = dest / name
    if target.is_dir():
        return check_vosk_model(target)
    url = entry.get("url") or models_url().rsplit("/", 1)[0] + f"/{name}.zip"
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=dest) as tmp:
        archive = Path(tmp) / f"{name}.zip"
        md5 = _fetch(url, archive, int(entry.get("size") or 0), progress, fix)
        if entry.get("md5") and md5 != entry["md5"]:
            raise VoiceError(
                f"{name}.zip is damaged (MD5 {md5}, expected {entry['md5']})",
                where=url,
                fix="Run the download again",
            )
        try:
            with zipfile.ZipFile(archive) as z:
                z.extractall(tmp)
        except zipfile.BadZipFile:
            raise VoiceError(f"{name}.zip is not a zip archive", where=url) from None
        unpacked = Path(tmp) / name
        check_vosk_model(unpacked)
        shutil.move(str(unpacked), target)
    return target


def _fetch(url: str, path: Path, size: int, progress: bool | None, fix: str) -> str:
    digest = hashlib.md5()
    show = sys.stderr.isatty() if progress is None else progress
    try:
        with urllib.request.urlopen(url, timeout=30) as response, open(path, "wb") as out:
            total = int(response.headers.get("Content-Length") or size or 0) or None
            with tqdm(
                total=total, unit="B", unit_scale=True, unit_divisor=1024, desc=path.name, disable=not show
            ) as bar:
                while chunk := response.read(1 << 16):
                    out.write(chunk)
                    digest.update(chunk)
                    bar.update(len(chunk))
    except (urllib.error.URLError, OSError) as exc:
        raise VoiceError(f"download failed ({getattr(exc, 'reason', exc)})", where=url, fix=fix) from None
    return digest.hexdigest()
