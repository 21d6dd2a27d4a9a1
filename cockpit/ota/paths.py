"""Where the car keeps its OTA state, and what the head unit does with it at start."""

from __future__ import annotations

import os
from pathlib import Path

STATE_DIR_ENV = "COCKPIT_OTA_DIR"
REPOSITORY_FILE = "repository.txt"  # the repository the car was enrolled with (its root is in metadata/)


def default_state_dir() -> Path:
    """``$COCKPIT_OTA_DIR``, else ``ota`` in the user data folder (tests and a second head unit set it)."""
    override = os.environ.get(STATE_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("smart-cockpit")) / "ota"


def enrolled_repository(state_dir: Path) -> str | None:
    try:
        return (state_dir / REPOSITORY_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def check_content_at_start(state_dir: Path | None = None) -> str | None:
    """Run the A/B health check of content installed on trial; a sentence when it was rolled back.

    Cheap when nothing was installed (one stat), so the head unit calls it at every start.
    """
    from .slots import Slots

    slots = Slots((state_dir or default_state_dir()) / "content")
    if not slots.boot_file.exists():
        return None
    result = slots.boot()
    if result.rolled_back is None:
        return None
    return (
        f"The last update was rolled back ({result.rolled_back}); the car runs the previous content. "
        "Install the update again from Updates"
    )
