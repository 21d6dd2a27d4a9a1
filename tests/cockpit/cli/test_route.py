from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit.cli.main import main


def _run_json(capsys, *args: str) -> tuple[int, dict]:
    code = main(["route", *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out else {}


def test_route_json_on_monaco(capsys, monaco_map: Path) -> None:
    code, doc = _run_json(
        capsys, "--map", str(monaco_map), "--from", "43.7384,7.4246", "--to", "43.7300,7.4200"
    )
    assert code == 0
    assert set(doc) == {"distance_m", "duration_s", "maneuvers", "geometry"}
    ms = doc["maneuvers"]
    assert ms[0]["type"] == "depart" and ms[-1]["type"] == "arrive"
    keys = {"type", "modifier", "street", "ref", "distance_m", "location", "bearing_before", "bearing_after"}
    assert all(set(m) >= keys for m in ms)
    assert all(0 <= m["bearing_after"] <= 360 and abs(m["location"]["lat"] - 43.73) < 0.02 for m in ms)
    assert sum(m["distance_m"] for m in ms) == pytest.approx(doc["distance_m"], abs=1.0)
    lat, lon = doc["geometry"][0]
    assert abs(lat - 43.7384) < 0.001 and abs(lon - 7.4246) < 0.001


def test_route_by_names_on_the_builtin_town(capsys, data_home: Path) -> None:
    code, doc = _run_json(
        capsys, "--from", "Old Town Garage Charging", "--to", "North Bank Superfast", "--soc", "40"
    )
    assert code == 0 and doc["distance_m"] > 2000
    assert 39 < doc["energy"]["arrival_soc"] < 40
    assert any(data_home.rglob("builtin-town-*.npz"))  # the generated town is cached


def test_route_text(capsys, data_home: Path) -> None:
    assert main(["route", "--from", "Town Hall Fast Charge", "--to", "Central Car Park"]) == 0
    out = capsys.readouterr().out
    assert "km" in out and "Arrive at the destination" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "43.7384,7.4246", "--to", "43.70,7.45"], "from the nearest road"),
        (["--from", "43.7384,7.4246", "--to", "Nowhere Street Xyzzy"], "no place called"),
        (["--from", "43.7384,7.4246", "--to", "43.7300,7.4200", "--heading", "400"], "not a compass heading"),
    ],
)
def test_bad_destinations_are_one_line(capsys, monaco_map: Path, args: list[str], message: str) -> None:
    code = main(["route", "--map", str(monaco_map), *args])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_missing_and_broken_map_files(capsys, tmp_path: Path) -> None:
    assert main(["route", "--map", str(tmp_path / "none.osm.pbf"), "--from", "1,1", "--to", "2,2"]) == 2
    assert "map file not found" in capsys.readouterr().err
    broken = tmp_path / "broken.osm.pbf"
    broken.write_text("this is not OSM data\n")
    assert main(["route", "--map", str(broken), "--from", "1,1", "--to", "2,2"]) == 2
    err = capsys.readouterr().err
    assert "not a readable OSM file" in err and "Traceback" not in err


def test_heading_starts_the_way_the_car_faces(capsys, monaco_map: Path) -> None:
    """Rerouting a moving car on Boulevard du Jardin Exotique (two-way, 40 m from the destination): facing
    it, the car drives on; facing away, it goes round the hairpins (318 m) rather than turn on the spot."""
    ends = ("--map", str(monaco_map), "--from", "43.73025,7.40925", "--to", "43.73054,7.40953")
    firsts = []
    for heading in ("31", "211"):
        code, doc = _run_json(capsys, *ends, "--heading", heading)
        assert code == 0
        firsts.append(doc["maneuvers"][0]["bearing_after"])
    east, west = firsts  # north-east and south-west
    assert abs((east - 31 + 180) % 360 - 180) <= 90 and abs((west - 211 + 180) % 360 - 180) <= 90


def test_a_destination_the_battery_cannot_reach_even_with_stops_exits_1(capsys, data_home: Path) -> None:
    args = ["route", "--from", "Old Town Garage Charging", "--to", "Central Car Park", "--soc", "3"]
    assert main(args) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # no steps for a trip the battery cannot make
    assert len(captured.err.strip().splitlines()) == 1
    assert "cannot be reached keeping the 10 % reserve" in captured.err and "Charge first" in captured.err
    assert main([*args, "--json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert "cannot be reached" in doc["energy"]["unreachable"] and doc["energy"]["arrival_soc"] >= 0


def test_no_route_between_disconnected_places_is_one_line(capsys, tmp_path: Path) -> None:
    from ..navigation.small_maps import at, small_map

    roads = [
        {"pts": [(0, 0), (1000, 0)], "name": "Main Road"},
        {"pts": [(0, 2000), (900, 2000)], "name": "Isle"},
    ]
    cache = tmp_path / "islands.navmap.npz"
    small_map(roads).data.save(cache)
    start, end = (",".join(f"{v:.6f}" for v in at(*p)) for p in ((100, 0), (500, 2000)))
    assert main(["route", "--map", str(cache), "--from", start, "--to", end]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "road networks that no road open to cars joins" in err


def test_a_car_that_swaps_plans_swap_stations_without_being_told(capsys, data_home: Path) -> None:
    """The demo BEV's profile says it swaps (as NIO's cars): the town's swap station is one of the stops
    considered; the EREV's does not, and the message says how to add swapping."""
    args = ["route", "--from", "Old Town Garage Charging", "--to", "West Gate Power Swap", "--soc", "3"]
    assert main(args) == 1
    bev = capsys.readouterr().err
    assert main([*args, "--vehicle", "erev"]) == 1
    erev = capsys.readouterr().err
    assert "add --swap" not in bev and "add --swap" in erev
    count = lambda text: int(text.split("stops at the ")[1].split(" station")[0])  # noqa: E731
    assert count(bev) == count(erev) + 1
