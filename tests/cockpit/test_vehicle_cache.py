"""Loaded vehicle data is reused between runs, and never stale: an edited file or loader is a new entry."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assets import VEHICLES_DIR
from cockpit import vehicle_data
from cockpit.vehicle_data import load_vehicle_data
from vehicle_bus.errors import InputError


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COCKPIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "vehicle-data"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """A copy of the demo BEV's profile, free to edit."""
    return Path(shutil.copytree(VEHICLES_DIR / "demo-bev", tmp_path / "my-car"))


def parse_count(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real = vehicle_data.load_databases

    def counting(paths):  # type: ignore[no-untyped-def]
        calls[0] += 1
        return real(paths)

    monkeypatch.setattr(vehicle_data, "load_databases", counting)
    return calls


def test_the_second_load_reads_the_cache_and_decodes_the_same(
    cache: Path, profile: Path, monkeypatch
) -> None:
    parsed = parse_count(monkeypatch)
    first = load_vehicle_data(str(profile))
    second = load_vehicle_data(str(profile))
    assert parsed[0] == 1 and len(list(cache.glob("*.pickle"))) == 1
    assert second.warnings == first.warnings and second.name == "my-car"
    assert sorted(second.bound.by_frame_id) == sorted(first.bound.by_frame_id)
    frame_id = min(first.bound.by_frame_id)
    assert decoded(second, frame_id) == decoded(first, frame_id) != []


def decoded(data: vehicle_data.VehicleData, frame_id: int) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    length = data.database.db.get_message_by_frame_id(frame_id).length
    data.decoder().feed(frame_id, bytes(length), 0.0, lambda path, value, t: out.append((path, value)))
    return out


def test_an_edited_dbc_is_parsed_again(cache: Path, profile: Path, monkeypatch) -> None:
    parsed = parse_count(monkeypatch)
    load_vehicle_data(str(profile))
    dbc = profile / "smart_ev.dbc"
    dbc.write_text(dbc.read_text().replace("BO_ ", "BO_  ", 1))  # same meaning, other bytes
    load_vehicle_data(str(profile))
    assert parsed[0] == 2 and len(list(cache.glob("*.pickle"))) == 2


def test_a_damaged_entry_is_rebuilt(cache: Path, profile: Path, monkeypatch) -> None:
    load_vehicle_data(str(profile))
    (entry,) = cache.glob("*.pickle")
    entry.write_bytes(b"\x80\x05 not a whole pickle")
    parsed = parse_count(monkeypatch)
    assert load_vehicle_data(str(profile)).bound.by_frame_id
    assert parsed[0] == 1 and entry.stat().st_size > 100


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, profile: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("COCKPIT_CACHE_DIR", str(blocker))
    parsed = parse_count(monkeypatch)
    assert load_vehicle_data(str(profile)).bound.by_frame_id
    assert load_vehicle_data(str(profile)).bound.by_frame_id
    assert parsed[0] == 2


def test_a_missing_file_is_the_loaders_own_error(cache: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nothing\.dbc"):
        load_vehicle_data(
            dbc=[tmp_path / "nothing.dbc"], mapping=[VEHICLES_DIR / "demo-bev" / "mapping.vspec"]
        )
    assert not list(cache.glob("*.pickle"))


def test_the_cached_database_keeps_every_dbc_attribute(cache: Path, profile: Path) -> None:
    """Entries store cantools' (mostly empty) attribute holders in a compact form: what a DBC writer or a
    user's script reads from ``.dbc`` comes back unchanged, empty or not."""

    def attributes(data: vehicle_data.VehicleData) -> list[tuple]:
        return [
            (m.name, s.name, {name: a.value for name, a in s.dbc.attributes.items()})
            for m in data.database.db.messages
            for s in m.signals
        ]

    first = attributes(load_vehicle_data(str(profile)))
    assert any(entry[2] for entry in first) and not all(entry[2] for entry in first)
    assert attributes(load_vehicle_data(str(profile))) == first
