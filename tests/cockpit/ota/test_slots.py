"""A/B slots: the switch is atomic, a broken slot is rolled back at the next start, and a process killed
at any step of an install leaves the car on a whole slot."""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cockpit.ota.slots import MAX_TRIES, Slots

from .conftest import bundle

REPO_ROOT = Path(__file__).resolve().parents[3]


def installed(slots: Slots, tmp_path: Path, version: str, data: bytes) -> Slots:
    tar = bundle(tmp_path / f"maps-{version}.tar", {"tiles.bin": data})
    slots.switch(slots.stage([("maps.tar", tar, version)]))
    return slots


def read_current(slots: Slots) -> bytes:
    return (slots.current / "maps" / "tiles.bin").read_bytes()


def test_a_new_slot_that_passes_its_check_is_kept(tmp_path: Path) -> None:
    slots = installed(Slots(tmp_path / "c"), tmp_path, "1", b"v1")
    boot = slots.boot()
    assert (boot.active, boot.confirmed, boot.rolled_back) == ("b", True, None)
    assert read_current(slots) == b"v1" and slots.installed_versions() == {"maps.tar": "1"}


def test_a_damaged_new_slot_is_rolled_back_at_the_next_start(tmp_path: Path) -> None:
    slots = installed(Slots(tmp_path / "c"), tmp_path, "1", b"v1")
    slots.boot()
    installed(slots, tmp_path, "2", b"v2")
    (slots.slot_dir("a") / "maps" / "tiles.bin").write_bytes(b"corrupt")  # flash wear, a bad write
    boot = slots.boot()
    assert boot.active == "b" and boot.rolled_back == "maps.tar: maps/tiles.bin is damaged"
    assert read_current(slots) == b"v1" and slots.state()["last_rollback"]["slot"] == "a"


def test_a_slot_that_never_finishes_starting_is_given_up(tmp_path: Path) -> None:
    slots = installed(Slots(tmp_path / "c"), tmp_path, "1", b"v1")
    slots.boot()
    installed(slots, tmp_path, "2", b"v2")
    state = slots.state()
    state["tries"] = MAX_TRIES  # it crashed at every start so far, before it could confirm
    slots.boot_file.write_text(json.dumps(state))
    boot = slots.boot()
    assert boot.rolled_back and "did not finish starting" in boot.rolled_back and read_current(slots) == b"v1"


# A process installs v2 over v1 and is killed (os._exit, no clean-up) at its Nth durable rename.
KILL_SCRIPT = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from cockpit.ota import slots as slots_module
    after = int(sys.argv[3])
    real = slots_module.fsync_replace
    calls = 0
    def dying(*args):
        global calls
        calls += 1
        if calls > after:
            os._exit(137)
        return real(*args)
    slots_module.fsync_replace = dying
    s = slots_module.Slots(Path(sys.argv[2]))
    s.switch(s.stage([("maps.tar", Path(sys.argv[4]), "2")]))
    """
)


@pytest.mark.parametrize("renames_before_kill", [0, 1, 2])
def test_killed_mid_install_the_car_starts_on_a_whole_slot(tmp_path: Path, renames_before_kill: int) -> None:
    slots = installed(Slots(tmp_path / "c"), tmp_path, "1", b"v1")
    slots.boot()
    v2 = bundle(tmp_path / "v2.tar", {"tiles.bin": b"v2"})
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            KILL_SCRIPT,
            str(REPO_ROOT),
            str(slots.root),
            str(renames_before_kill),
            str(v2),
        ],
        timeout=60,
    )
    # 0: killed before the manifest; 1: after it, before the switch; 2: the switch happened.
    assert done.returncode == (137 if renames_before_kill < 2 else 0)
    boot = Slots(slots.root).boot()
    expected = b"v2" if renames_before_kill >= 2 else b"v1"
    assert read_current(slots) == expected and boot.rolled_back is None
    assert Slots(slots.root).health_problem(boot.active) is None


def test_the_head_unit_start_reports_a_rollback_in_one_sentence(tmp_path: Path) -> None:
    from cockpit.ota.paths import check_content_at_start

    assert check_content_at_start(tmp_path) is None  # nothing installed: nothing to say
    slots = installed(Slots(tmp_path / "content"), tmp_path, "1", b"v1")
    assert check_content_at_start(tmp_path) is None  # kept
    installed(slots, tmp_path, "2", b"v2")
    (slots.slot_dir("a") / "maps" / "tiles.bin").unlink()
    message = check_content_at_start(tmp_path)
    assert message is not None and message.startswith(
        "The last update was rolled back (maps.tar: maps/tiles.bin"
    )
    assert "Install the update again" in message and read_current(slots) == b"v1"


def test_vehicle_profiles_installed_over_the_air_are_found(tmp_path: Path, monkeypatch) -> None:
    from cockpit.vehicle_profile import profile_folders

    monkeypatch.setenv("COCKPIT_OTA_DIR", str(tmp_path / "ota"))
    slots = Slots(tmp_path / "ota" / "content")
    tar = bundle(tmp_path / "vehicles.tar", {"ioniq-5/vehicle.toml": b'name = "Ioniq 5"\n'})
    slots.switch(slots.stage([("vehicles.tar", tar, "1")]))
    found = profile_folders()
    assert found["ioniq-5"] == slots.slot_dir("b") / "vehicles" / "ioniq-5" and "demo-bev" in found
