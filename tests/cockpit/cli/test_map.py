from __future__ import annotations

import json
from pathlib import Path

from cockpit.cli.main import main

from ...conftest import MONACO_PBF


def test_import_writes_a_cache_with_a_bar_on_a_terminal(capsys, tmp_path: Path, on_terminal) -> None:
    out = tmp_path / "monaco.navmap.npz"
    terminal = on_terminal()
    assert main(["map", "import", str(MONACO_PBF), "--out", str(out)]) == 0
    assert out.is_file() and "11 charging stations" in terminal.out.getvalue()
    assert "reading OSM: 100%" in terminal.err.getvalue()


def test_import_into_the_user_data_folder_as_json(capsys, data_home: Path, on_terminal) -> None:
    terminal = on_terminal()
    assert main(["map", "import", str(MONACO_PBF), "--json"]) == 0
    cache = data_home / "smart-cockpit" / "maps" / "monaco-latest.navmap.npz"
    summary = json.loads(terminal.out.getvalue())
    assert summary["cache"] == str(cache) and cache.is_file() and summary["charging"] == 11
    assert terminal.err.getvalue() == ""  # --json: no bar even on a terminal


def test_search_charging_by_road_distance(capsys, monaco_map: Path) -> None:
    code = main(["map", "search", "charging", "--map", str(monaco_map), "--near", "43.7384,7.4246", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and len(doc["results"]) == 11
    distances = [r["road_m"] for r in doc["results"]]
    assert distances == sorted(distances)


def test_search_by_name(capsys, monaco_map: Path) -> None:
    assert main(["map", "search", "place du casino", "--map", str(monaco_map)]) == 0
    assert "Place du Casino" in capsys.readouterr().out.splitlines()[0]
    # A typo: still found, and its score says how well it matched.
    assert main(["map", "search", "place du casnio", "--map", str(monaco_map)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    score = int(first.split("%")[0].split()[-1])
    assert "Place du Casino" in first and 60 <= score < 100


def test_import_of_a_non_osm_file(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "x.osm.pbf"
    bad.write_bytes(b"\0" * 64)
    assert main(["map", "import", str(bad), "--out", str(tmp_path / "x.npz")]) == 2
    assert "not a readable OSM file" in capsys.readouterr().err
