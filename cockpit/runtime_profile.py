"""How hard the head unit works: the desktop profile, and a low-power one for a Raspberry Pi.

A Pi 4 core is three to four times slower than a laptop's, and the head unit there shares it with the CAN
reader, the simulator and voice. The ``pi`` profile halves the UI rate (30 Hz still follows a needle),
keeps a quarter of the plot history, redraws plots less often, drops animations, asks the map for its
simplified drawing at low zoom, and picks the voice engine by the memory that is free. ``auto`` chooses
``pi`` on ARM machines, ``desktop`` elsewhere.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from pathlib import Path

from vehicle_bus.errors import InputError

ARM_MACHINES = ("aarch64", "arm64", "armv7l", "armv6l")
# A Vosk model needs 300 MB (small English) to 500 MB (the Korean one measured here) once loaded, and the
# head unit itself about 200 MB; below this much free memory the Pi uses pocketsphinx (about 60 MB).
VOSK_MIN_AVAILABLE_MB = 1024
# Whisper tiny.en int8 adds about 150 MB once loaded and decoding (bench/voice.py's peak, docs/benchmarks.md);
# with the head unit's 200 MB and room for the rest of the system, 600 MB free is the floor.
WHISPER_MIN_AVAILABLE_MB = 600


@dataclass(frozen=True)
class RuntimeProfile:
    name: str
    ui_hz: int  # the window's tick
    history_hz: float  # per-signal history kept for plots
    plot_every_s: float  # how often a plot redraws
    table_rows_per_tick: int  # CAN monitor rows out of view brought up to date per tick, without a repaint
    table_update_s: float  # how often the CAN monitor takes new frames: rows in view, stats, one repaint
    animations: bool
    map_detail: str  # "full" or "simplified" (fewer features drawn at low zoom)

    def voice_engine(self, available_mb: float | None = None) -> str:
        """The largest voice engine this machine can afford (``auto`` then takes the best installed up
        to it): Whisper, Vosk, or pocketsphinx when memory is short. The desktop affords any."""
        return self.voice_choice(available_mb)[0]

    def voice_choice(self, available_mb: float | None = None) -> tuple[str, str]:
        """(engine, why) for the log: the Pi says which engine it picked and for what free memory."""
        if self.name == "desktop":
            return "whisper", "desktop profile: the best engine installed"
        free = available_mb if available_mb is not None else available_memory_mb()
        if free is None:
            return "pocketsphinx", "pi profile, free memory unknown: pocketsphinx"
        if free >= VOSK_MIN_AVAILABLE_MB:
            return "vosk", f"pi profile, {free:.0f} MB free: the best engine installed"
        if free >= WHISPER_MIN_AVAILABLE_MB:
            return "whisper", f"pi profile, {free:.0f} MB free: Whisper (a Vosk model wants more)"
        return "pocketsphinx", (
            f"pi profile, {free:.0f} MB free: pocketsphinx (Whisper wants {WHISPER_MIN_AVAILABLE_MB} MB)"
        )


DESKTOP = RuntimeProfile(
    "desktop",
    ui_hz=60,
    history_hz=20.0,
    plot_every_s=0.25,
    table_rows_per_tick=200,
    table_update_s=0.1,
    animations=True,
    map_detail="full",
)
PI = RuntimeProfile(
    "pi",
    ui_hz=30,
    history_hz=5.0,
    plot_every_s=1.0,
    table_rows_per_tick=60,
    table_update_s=0.5,
    animations=False,
    map_detail="simplified",
)
PROFILES = {"desktop": DESKTOP, "pi": PI}


def is_arm(machine: str | None = None) -> bool:
    return (machine or platform.machine()).lower() in ARM_MACHINES


def choose_profile(name: str = "auto", machine: str | None = None) -> RuntimeProfile:
    if name == "auto":
        return PI if is_arm(machine) else DESKTOP
    try:
        return PROFILES[name]
    except KeyError:
        raise InputError(f"unknown profile {name!r}", fix="Use auto, desktop or pi") from None


def available_memory_mb(
    meminfo: Path = Path("/proc/meminfo"), cgroup: Path = Path("/proc/self/cgroup")
) -> float | None:
    """Memory this process can still use: the kernel's MemAvailable, or less when its cgroup (a systemd
    ``MemoryMax``, a container, the Pi benchmark) has a lower limit. None where the kernel does not say."""
    available = None
    try:
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                available = int(line.split()[1]) / 1024
    except OSError:
        return None
    room = _cgroup_room_mb(cgroup)
    if room is not None:
        available = room if available is None else min(available, room)
    return available


def _cgroup_room_mb(cgroup: Path, root: Path = Path("/sys/fs/cgroup")) -> float | None:
    """Limit minus usage of this process's memory cgroup (v2 unified or v1), None if unlimited or unknown."""
    try:
        lines = cgroup.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if controllers == "":  # v2: 0::/path
            folder, limit_name, usage_name = root / path.lstrip("/"), "memory.max", "memory.current"
        elif "memory" in controllers.split(","):
            folder = root / "memory" / path.lstrip("/")
            limit_name, usage_name = "memory.limit_in_bytes", "memory.usage_in_bytes"
        else:
            continue
        try:
            limit_text = (folder / limit_name).read_text().strip()
            usage = int((folder / usage_name).read_text())
        except (OSError, ValueError):
            continue
        if limit_text == "max" or int(limit_text) >= 1 << 60:  # v1 writes "no limit" as a huge number
            continue
        return (int(limit_text) - usage) / 2**20
    return None
