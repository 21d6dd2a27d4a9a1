"""The machine around the bus: audio devices, voice models, display, writable folders, platform limits."""

from __future__ import annotations

import platform
import tempfile
from collections.abc import Callable
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

from ..runtime_profile import available_memory_mb, choose_profile, is_arm
from .check import Check
from .qt_platform import check_qt_platform

APP = "smart-cockpit"
# PySide6-Essentials' aarch64 wheels: manylinux_2_31 up to 6.8.0.2, manylinux_2_39 from 6.8.1 on. So on
# Raspberry Pi OS Bookworm (glibc 2.36) pip installs 6.8.0.2, which works; Trixie (2.41) gets the newest.
NEWEST_WHEELS_GLIBC_ARM = (2, 39)
MIN_GLIBC_ARM = (2, 31)


def check_system(lang: str = "en") -> list[Check]:
    checks: list[Check] = check_platform() + check_qt_platform(lang=lang)
    for step in (
        check_audio,
        check_voice_models,
        check_map_cache,
        check_writable,
    ):
        checks += step()
    return checks


def check_platform(machine: str | None = None, libc: tuple[str, str] | None = None) -> list[Check]:
    machine = machine or platform.machine()
    name, version = libc or platform.libc_ver()
    profile = choose_profile("auto", machine)
    memory = available_memory_mb()
    free = f", {memory:,.0f} MB free" if memory is not None else ""
    checks = [
        Check(
            "platform", "ok", f"{machine}, Python {platform.python_version()}{free}; profile {profile.name}"
        )
    ]
    if is_arm(machine) and name == "glibc" and version:
        parts = tuple(int(p) for p in version.split(".")[:2] if p.isdigit())
        if parts < MIN_GLIBC_ARM:
            checks.append(
                Check(
                    "glibc",
                    "fail",
                    f"glibc {version}: PySide6 has no ARM wheel for it (the oldest need 2.31)",
                    "Use Raspberry Pi OS Bookworm or Trixie (64-bit), or Ubuntu 24.04",
                )
            )
        elif parts < NEWEST_WHEELS_GLIBC_ARM:
            checks.append(
                Check(
                    "glibc",
                    "warn",
                    f"glibc {version}: pip can install PySide6 up to 6.8.0.2 here (its newer ARM wheels need "
                    "2.39); that works, with Qt 6.8.0",
                    "Nothing to do; Raspberry Pi OS Trixie (64-bit) gets the newest PySide6",
                )
            )
    return checks


def check_audio(query: Callable[[], list[dict]] | None = None) -> list[Check]:
    try:
        if query is None:
            import sounddevice

            def query() -> list[dict]:
                return list(sounddevice.query_devices())

        devices = query()
    except OSError as exc:  # sounddevice raises OSError when the PortAudio library is missing
        return [
            Check(
                "audio",
                "fail",
                f"no audio system: {exc}",
                "Install PortAudio: sudo apt install libportaudio2 (voice needs it)",
            )
        ]
    except ImportError:
        return [Check("audio", "fail", "sounddevice is not installed", "pip install sounddevice")]
    inputs = [d["name"] for d in devices if d.get("max_input_channels", 0) > 0]
    outputs = [d["name"] for d in devices if d.get("max_output_channels", 0) > 0]
    checks = []
    if inputs:
        checks.append(Check("microphone", "ok", f"{len(inputs)} input(s): {', '.join(inputs[:3])}"))
    else:
        checks.append(
            Check(
                "microphone",
                "fail",
                "no audio input device",
                "Plug in a USB microphone; voice works from WAV files meanwhile (cockpit voice test)",
            )
        )
    if outputs:
        checks.append(Check("speaker", "ok", f"{len(outputs)} output(s): {', '.join(outputs[:3])}"))
    else:
        checks.append(
            Check(
                "speaker",
                "warn",
                "no audio output device: replies are shown, not spoken",
                "Connect a speaker or HDMI audio",
            )
        )
    return checks


def check_voice_models(language: str = "en") -> list[Check]:
    """The models voice would use: Vosk's (found the way Vosk finds them) and pocketsphinx's English one."""
    from voice.engines.models import find_vosk_model, vosk_model_dirs
    from voice.errors import VoiceError

    from ..ota.content import InstalledContent

    checks = []
    try:
        model = find_vosk_model(language, installed=InstalledContent.active().voice_model_dirs())
    except VoiceError as exc:  # a model folder that is there but broken
        checks.append(Check("Vosk model", "fail", exc.what, exc.fix or ""))
    else:
        if model is not None:
            checks.append(Check("Vosk model", "ok", str(model)))
        else:
            places = ", ".join(str(d) for d in vosk_model_dirs())
            checks.append(
                Check(
                    "Vosk model",
                    "warn",
                    f"no Vosk model for {language!r} in {places}",
                    f"With internet: cockpit voice download {language}; pocketsphinx works meanwhile",
                )
            )
    try:
        import pocketsphinx

        folder = Path(pocketsphinx.get_model_path()) / "en-us"
        ok = folder.is_dir()
        checks.append(
            Check(
                "pocketsphinx model",
                "ok" if ok else "warn",
                str(folder),
                "" if ok else "pip install pocketsphinx",
            )
        )
    except ImportError:
        checks.append(
            Check("pocketsphinx model", "warn", "pocketsphinx is not installed", "pip install pocketsphinx")
        )
    return checks


def check_map_cache(folder: Path | None = None) -> list[Check]:
    """Imported OpenStreetMap regions (``cockpit map import``); without one the built-in town is used."""
    from ..navigation.mapdata import CACHE_SUFFIX, maps_dir

    folder = folder or maps_dir()
    caches = sorted(folder.glob(f"*{CACHE_SUFFIX}")) if folder.is_dir() else []
    if not caches:
        return [
            Check(
                "map cache",
                "warn",
                f"no imported map in {folder}: navigation uses the built-in town",
                "Import a region: cockpit map import REGION.osm.pbf (from download.geofabrik.de)",
            )
        ]
    sizes = ", ".join(
        f"{c.name[: -len(CACHE_SUFFIX)]} ({c.stat().st_size / 2**20:.1f} MB)" for c in caches[:4]
    )
    return [Check("map cache", "ok", f"{len(caches)} region(s) in {folder}: {sizes}")]


def check_writable(folders: list[tuple[str, Path]] | None = None) -> list[Check]:
    """Recordings, the map cache and downloaded models are written here; a read-only home loses them."""
    folders = folders or [
        ("user data folder", user_data_path(APP)),
        ("cache folder", user_cache_path(APP)),
    ]
    checks = []
    for label, folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
                pass
        except OSError as exc:
            checks.append(
                Check(
                    label,
                    "fail",
                    f"{folder} is not writable ({exc.strerror or exc})",
                    "Recordings, map caches and models cannot be saved there: point XDG_DATA_HOME and "
                    "XDG_CACHE_HOME at a writable folder (e.g. on a USB stick)",
                )
            )
        else:
            checks.append(Check(label, "ok", f"{folder} is writable"))
    return checks
