"""Volume like a car: a master level and mute, louder with speed, and ducking under speech.

The policy only computes the gain the player applies; it knows nothing of audio devices. Ducking lowers the
music (not mutes it) while the assistant listens or speaks or a navigation prompt plays, and several reasons
at once duck once. The level and mute are kept across restarts in a small JSON file; a damaged file falls
back to the defaults with one log line.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

log = logging.getLogger(__name__)

MAX_LEVEL = 10  # "volume to 5" is half way, as drivers say it
DEFAULT_LEVEL = 4
DUCK_GAIN = 0.25  # about -12 dB: speech stays clear and the music is still there
SPEED_STEP_KMH = 40.0  # one extra step per 40 km/h, at most SPEED_MAX_STEPS
SPEED_MAX_STEPS = 2


class DuckReason(Enum):
    ASSISTANT_LISTENING = "assistant_listening"
    ASSISTANT_SPEAKING = "assistant_speaking"
    NAVIGATION_PROMPT = "navigation_prompt"


def default_settings_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("smart-cockpit")) / "media.json"


@dataclass
class VolumePolicy:
    level: int = DEFAULT_LEVEL
    muted: bool = False
    speed_compensation: bool = False
    speed_kmh: float = 0.0
    ducking: set[DuckReason] = field(default_factory=set)

    def set_level(self, level: int) -> int:
        """Clamp to 0..MAX_LEVEL; choosing a level unmutes, as a turn of the knob does."""
        self.level = max(0, min(MAX_LEVEL, int(level)))
        self.muted = False
        return self.level

    def louder(self, steps: int = 1) -> int:
        return self.set_level(self.level + steps)

    def quieter(self, steps: int = 1) -> int:
        return self.set_level(self.level - steps)

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        return self.muted

    def duck(self, reason: DuckReason, on: bool) -> None:
        if on:
            self.ducking.add(reason)
        else:
            self.ducking.discard(reason)

    def effective_level(self) -> float:
        """The level after speed compensation (a fraction of a step per km/h), before ducking."""
        extra = 0.0
        if self.speed_compensation and self.level > 0:
            extra = min(SPEED_MAX_STEPS, max(self.speed_kmh, 0.0) / SPEED_STEP_KMH)
        return min(float(MAX_LEVEL), self.level + extra)

    def gain(self) -> float:
        """Linear gain 0..1 for the samples: levels follow a loudness curve (each step about 3 dB)."""
        if self.muted or self.level == 0:
            return 0.0
        gain = 10 ** ((self.effective_level() - MAX_LEVEL) * 3.0 / 20.0)
        return gain * (DUCK_GAIN if self.ducking else 1.0)

    # persistence
    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"level": self.level, "muted": self.muted, "speed_compensation": self.speed_compensation}
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> VolumePolicy:
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            policy = cls(speed_compensation=bool(data.get("speed_compensation", False)))
            policy.set_level(int(data["level"]))
            policy.muted = bool(data.get("muted", False))
            return policy
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("%s: unreadable volume settings (%s); using the defaults", path, exc)
            return cls()
