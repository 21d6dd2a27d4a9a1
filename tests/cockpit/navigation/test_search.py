from __future__ import annotations

import pytest

from cockpit.navigation.navigator import Navigator

from .small_maps import at, small_map

HERMITAGE = (43.7384, 7.4246)


def test_eleven_charging_stations_by_road_distance(monaco: Navigator) -> None:
    found = monaco.places.search("charging", near=HERMITAGE, limit=50)
    assert len(found) == 11
    distances = [p.road_m for p in found]
    assert distances == sorted(distances)
    assert 0 < distances[0] < distances[-1] < 10_000


def test_categories_in_other_words(monaco: Navigator) -> None:
    assert len(monaco.places.search("充电站", limit=50)) == 11
    assert {p.kind for p in monaco.places.search("fuel")} == {"fuel"}
    assert {p.kind for p in monaco.places.search("parking", limit=100)} == {"parking"}


def test_fuzzy_street_name(monaco: Navigator) -> None:
    found = monaco.places.search("rue grimaldy", near=HERMITAGE)
    assert found[0].name == "Rue Grimaldi" and found[0].kind == "street"
    assert monaco.places.search("boulvard albert 1er")[0].name == "Boulevard Albert 1er"


def test_nothing_found(monaco: Navigator) -> None:
    assert monaco.places.search("zzqxj") == []


def test_town_pois(town: Navigator) -> None:
    chargers = town.places.search("charging", near=(31.229, 121.452))
    assert len(chargers) == 6
    assert chargers[0].name == "Town Hall Fast Charge"
    assert any("socket:gb_dc" in p.tags for p in chargers)


@pytest.mark.parametrize("query", ["food", "hotel", "toilets", "shop", "餐厅", "酒店", "厕所", "超市"])
def test_map_app_categories_on_monaco(monaco: Navigator, query: str) -> None:
    found = monaco.places.search(query, near=(43.7384, 7.4246), limit=5)
    assert len(found) == 5 and len({p.kind for p in found}) == 1
    assert [p.road_m for p in found] == sorted(p.road_m for p in found)  # same score: nearest first
    assert found[0].as_json()["score"] == 100.0


@pytest.mark.parametrize(
    "query", ["4 Avenue de la Madone", "Avenue de la Madone 4", "4, avenue de la madone"]
)
def test_address_with_a_house_number(monaco: Navigator, query: str) -> None:
    (first, *_) = monaco.places.search(query, near=(43.7384, 7.4246))
    assert (first.name, first.kind) == ("4 Avenue de la Madone", "address")
    assert abs(first.lat - 43.7409) < 0.001 and abs(first.lon - 7.4279) < 0.001


def test_chargers_by_connector_and_power() -> None:
    pois = [
        {"at": (100, 0), "category": "charging", "name": "AC", "tags": {"socket:type2": "2"}},
        {
            "at": (200, 0),
            "category": "charging",
            "name": "CCS 50",
            "tags": {"socket:type2_combo:output": "50 kW"},
        },
        {
            "at": (900, 0),
            "category": "charging",
            "name": "CCS 300",
            "tags": {"socket:type2_combo:output": "300 kW"},
        },
        {"at": (300, 0), "category": "charging", "name": "CHAdeMO", "tags": {"socket:chademo": "1"}},
    ]
    nav = small_map([{"pts": [(0, 0), (1000, 0)], "name": "Quai"}], pois=pois)
    names = lambda q: [p.name for p in nav.places.search(q, near=at(0, 0))]  # noqa: E731
    assert names("ccs") == ["CCS 50", "CCS 300"]
    assert names("ccs 150 kW") == ["CCS 300"]
    assert names("charging 40 kw") == ["CCS 50", "CHAdeMO", "CCS 300"]  # CHAdeMO untagged: 50 kW DC
    assert names("chademo") == ["CHAdeMO"]
    assert names("type 2") == ["AC"]


def test_ranking_weighs_match_score_against_road_distance() -> None:
    pois = [
        {"at": (100, 0), "category": "food", "name": "Pizzeria Roma"},
        {"at": (3000, 0), "category": "food", "name": "Pizzeria Romana"},
    ]
    nav = small_map([{"pts": [(0, 0), (3000, 0)], "name": "Quai"}], pois=pois)
    # "Pizzeria Romana" matches better, but the near one is 2.9 km closer: it comes first.
    found = nav.places.search("pizzeria romana", near=at(0, 0))
    assert [p.name for p in found] == ["Pizzeria Roma", "Pizzeria Romana"]
    assert found[0].score < found[1].score
