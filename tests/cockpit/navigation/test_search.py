from __future__ import annotations

from cockpit.navigation.navigator import Navigator

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
