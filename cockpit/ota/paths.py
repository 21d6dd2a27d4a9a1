"""Where the car keeps its OTA state, and what the head unit does with it at start."""

from __future__ import annotations

from pathlib import Path

REPOSITORY_FILE = "repository.txt"  # the repository the car was enrolled with (its root is in metadata/)


def default_state_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("smart-cockpit")) / "ota"


def enrolled_repository(state_dir: Path) -> str | None:
    try:
        return (state_dir / REPOSITORY_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def content_folders(state_dir: Path | None = None) -> list[Path]:
    """The bundle folders of the active content slot (vehicle profiles, maps, … installed over the air)."""
    current = (state_dir or default_state_dir()) / "content" / "current"
    try:
        return sorted(p for p in current.iterdir() if p.is_dir())
    except OSError:
        return []


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
