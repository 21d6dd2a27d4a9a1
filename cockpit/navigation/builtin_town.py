"""The built-in map: a deterministic generated town, so navigation works with no map file.

A grid of streets 150 m apart (residential, tertiary, arterial primaries every fifth line, alternating
one-way streets), an expressway ring around it, a roundabout at the centre, a river crossing the town
east–west that only some streets bridge, parks, buildings, and POIs: charging stations (AC and DC, with
OSM-style ``socket:*`` tags), fuel stations and car parks. It sits in Jing'an, Shanghai, where the demo
car's default loop has always been; :func:`loop_points` gives that loop along the town's arterials.
``generate_town(size=…)`` makes bigger towns of the same kind (the benchmark's 300k-node graph).
"""

from __future__ import annotations

import contextlib
import itertools
import math
from pathlib import Path

import numpy as np

from .mapdata import AREA_KINDS, CLASS_SPEED_KMH, LINE_KINDS, ROAD_CLASSES, MapData, maps_dir

CENTRE = (31.2290, 121.4520)
SPACING_M = 150.0
SIZE = 21  # grid lines each way
TOWN_NAME = "Jing'an Demo Town"
VERSION = 3  # 2: Chinese names; 3: a battery-swap station
_KY = math.radians(1) * 6_371_008.8
_KX = _KY * math.cos(math.radians(CENTRE[0]))
ROUNDABOUT_R = 35.0
RING_OFFSET_M = 300.0

_EW_NAMES = (
    "Anyuan Road",
    "Beijing Road",
    "Changping Road",
    "Datian Road",
    "Emei Road",
    "Fengyang Road",
    "Guling Road",
    "Haifang Road",
    "Jiaozhou Road",
    "Kangding Road",
    "Yan'an Road",
    "Lanxi Road",
    "Minhang Road",
    "Nanyang Road",
    "Ouyang Road",
    "Puji Road",
    "Qufu Road",
    "Ruijin Road",
    "Shimen Road",
    "Taixing Road",
    "Wuding Road",
)
_NS_NAMES = (
    "Aomen Road",
    "Baotou Road",
    "Changde Road",
    "Dagu Road",
    "Enping Road",
    "Fuxing Road",
    "Gaoyang Road",
    "Huashan Road",
    "Jiangning Road",
    "Kunshan Road",
    "Shaanxi Road",
    "Liyang Road",
    "Maoming Road",
    "Nanchang Road",
    "Panyu Road",
    "Qinghai Road",
    "Rongchang Road",
    "Shandong Road",
    "Tianmu Road",
    "Urumqi Road",
    "Wanhangdu Road",
)

# The town's names in Chinese (as OSM's name:zh would give them): streets, districts, stations.
_ZH = {
    "Anyuan Road": "安远路", "Beijing Road": "北京路", "Changping Road": "昌平路", "Datian Road": "大田路",
    "Emei Road": "峨眉路", "Fengyang Road": "凤阳路", "Guling Road": "牯岭路", "Haifang Road": "海防路",
    "Jiaozhou Road": "胶州路", "Kangding Road": "康定路", "Yan'an Road": "延安路", "Lanxi Road": "兰溪路",
    "Minhang Road": "闵行路", "Nanyang Road": "南阳路", "Ouyang Road": "欧阳路", "Puji Road": "普济路",
    "Qufu Road": "曲阜路", "Ruijin Road": "瑞金路", "Shimen Road": "石门路", "Taixing Road": "泰兴路",
    "Wuding Road": "武定路", "Aomen Road": "澳门路", "Baotou Road": "包头路", "Changde Road": "常德路",
    "Dagu Road": "大沽路", "Enping Road": "恩平路", "Fuxing Road": "复兴路", "Gaoyang Road": "高阳路",
    "Huashan Road": "华山路", "Jiangning Road": "江宁路", "Kunshan Road": "昆山路", "Shaanxi Road": "陕西路",
    "Liyang Road": "溧阳路", "Maoming Road": "茂名路", "Nanchang Road": "南昌路", "Panyu Road": "番禺路",
    "Qinghai Road": "青海路", "Rongchang Road": "荣昌路", "Shandong Road": "山东路", "Tianmu Road": "天目路",
    "Urumqi Road": "乌鲁木齐路", "Wanhangdu Road": "万航渡路",
    "Centre Circle": "中心环岛", "Lane 12": "12 弄", "Ring Expressway": "环城高速",
    TOWN_NAME: "静安示范城", "North Bank": "北岸", "Old Town": "老城", "East Side": "东区",
    "Town Hall Fast Charge": "市政厅快充站", "Riverside Chargers": "滨江充电站",
    "Old Town Garage Charging": "老城车库充电站", "North Bank Superfast": "北岸超充站",
    "East Side Charging Hub": "东区充电中心", "Market Street AC": "市场街慢充站",
    "Sinopec Ring Station": "中国石化环路加油站", "PetroChina Huashan": "中国石油华山路加油站",
    "Shell Yan'an Road": "壳牌延安路加油站", "Central Car Park": "中心停车场",
    "Station Car Park": "车站停车场", "Riverside Parking": "滨江停车场", "Mall Parking": "商场停车场",
    "Hospital Parking": "医院停车场", "West Gate Power Swap": "西门换电站",
}  # fmt: skip


def _chinese_names(names: list[str]) -> dict[str, dict[str, str]]:
    """name → {"zh": …} for every name of the town with a Chinese form ("Anyuan Road 2" → "安远路 2")."""
    out = {}
    for name in names:
        base, _, number = name.rpartition(" ")
        if name in _ZH:
            out[name] = {"zh": _ZH[name]}
        elif number.isdigit() and base in _ZH:
            out[name] = {"zh": f"{_ZH[base]} {number}"}
    return out


def _line_name(names: tuple[str, ...], i: int) -> str:
    base = names[i % len(names)]
    return base if i < len(names) else f"{base} {i // len(names) + 1}"


def grid_latlon(i: float, j: float, size: int = SIZE) -> tuple[float, float]:
    """Row ``i`` (south→north) and column ``j`` (west→east) of the grid as (lat, lon)."""
    half = (size - 1) / 2
    return CENTRE[0] + (i - half) * SPACING_M / _KY, CENTRE[1] + (j - half) * SPACING_M / _KX


def _offset(lat: float, lon: float, east_m: float, north_m: float) -> tuple[float, float]:
    return lat + north_m / _KY, lon + east_m / _KX


def loop_points() -> tuple[list[tuple[float, float]], list[float]]:
    """The demo car's loop: anticlockwise round the arterials 5 and 15 (it crosses the river twice)."""
    corners = [(5, 5), (5, 15), (15, 15), (15, 5), (5, 5)]
    points: list[tuple[float, float]] = []
    for (i0, j0), (i1, j1) in itertools.pairwise(corners):
        steps = max(abs(i1 - i0), abs(j1 - j0))
        for k in range(steps):
            points.append(grid_latlon(i0 + (i1 - i0) * k / steps, j0 + (j1 - j0) * k / steps))
    points.append(points[0])
    limit = CLASS_SPEED_KMH[ROAD_CLASSES.index("primary")]
    return points, [limit] * (len(points) - 1)


class _Builder:
    def __init__(self) -> None:
        self.lat: list[float] = []
        self.lon: list[float] = []
        self.keys: dict[object, int] = {}
        self.ways: list[tuple[list[int], str, str, int, bool, str]] = []
        self.areas: list[tuple[str, list[list[tuple[float, float]]]]] = []
        self.lines: list[tuple[str, list[tuple[float, float]]]] = []
        self.pois: list[dict] = []
        self.places: list[dict] = []

    def node(self, lat: float, lon: float, key: object = None) -> int:
        if key is not None and key in self.keys:
            return self.keys[key]
        self.lat.append(lat)
        self.lon.append(lon)
        index = len(self.lat) - 1
        if key is not None:
            self.keys[key] = index
        return index

    def street(
        self,
        ends: list[tuple[tuple[float, float], object]],
        cls: str,
        name: str,
        oneway: int = 0,
        roundabout: bool = False,
        ref: str = "",
        shape_every_m: float = 50.0,
    ) -> None:
        """A way through ``ends`` (point, junction key) with a shape node every ``shape_every_m``."""
        nodes: list[int] = []
        for k, ((lat, lon), key) in enumerate(ends):
            if k:
                plat, plon = ends[k - 1][0]
                dist = math.hypot((lat - plat) * _KY, (lon - plon) * _KX)
                pieces = max(1, round(dist / shape_every_m))
                for s in range(1, pieces):
                    f = s / pieces
                    nodes.append(self.node(plat + (lat - plat) * f, plon + (lon - plon) * f))
            nodes.append(self.node(lat, lon, key))
        self.ways.append((nodes, cls, name, oneway, roundabout, ref))

    def build(self) -> MapData:
        way_start = np.concatenate(([0], np.cumsum([len(w[0]) for w in self.ways])))
        classes = np.array([ROAD_CLASSES.index(w[1]) for w in self.ways], np.uint8)
        ring_start, ring_lat, ring_lon, area_ring_start = [0], [], [], [0]
        for _kind, rings in self.areas:
            for ring in rings:
                ring_lat += [p[0] for p in ring]
                ring_lon += [p[1] for p in ring]
                ring_start.append(len(ring_lat))
            area_ring_start.append(len(ring_start) - 1)
        line_start, line_lat, line_lon = [0], [], []
        for _kind, pts in self.lines:
            line_lat += [p[0] for p in pts]
            line_lon += [p[1] for p in pts]
            line_start.append(len(line_lat))
        return MapData(
            node_lat=np.array(self.lat),
            node_lon=np.array(self.lon),
            way_start=way_start.astype(np.int64),
            way_nodes=np.concatenate([w[0] for w in self.ways]).astype(np.int32),
            way_class=classes,
            way_oneway=np.array([w[3] for w in self.ways], np.int8),
            way_speed=np.array([CLASS_SPEED_KMH[c] for c in classes], np.float32),
            way_roundabout=np.array([w[4] for w in self.ways], bool),
            way_name=[w[2] for w in self.ways],
            way_ref=[w[5] for w in self.ways],
            area_kind=np.array([AREA_KINDS.index(a[0]) for a in self.areas], np.uint8),
            area_ring_start=np.array(area_ring_start, np.int64),
            ring_start=np.array(ring_start, np.int64),
            ring_lat=np.array(ring_lat),
            ring_lon=np.array(ring_lon),
            line_kind=np.array([LINE_KINDS.index(k) for k, _ in self.lines], np.uint8),
            line_start=np.array(line_start, np.int64),
            line_lat=np.array(line_lat),
            line_lon=np.array(line_lon),
            pois=self.pois,
            places=self.places,
            source="builtin",
            name=TOWN_NAME,
            names=_chinese_names(
                [w[2] for w in self.ways] + [p["name"] for p in self.pois] + [p["name"] for p in self.places]
            ),
        )


def _line_class(k: int) -> tuple[str, int]:
    """Class and one-way of grid line ``k``: arterials every 5th line, one-way pairs beside them."""
    r = k % 5
    if r == 0:
        return "primary", 0
    if r == 2:
        return "tertiary", 0
    if r == 1:
        return "residential", 1
    if r == 4:
        return "residential", -1
    return "residential", 0


def generate_town(size: int = SIZE, buildings: bool = True) -> MapData:
    """A town of ``size`` × ``size`` grid lines (``SIZE`` for the built-in map)."""
    b = _Builder()
    c = size // 2
    river_row = c + 3 if size > 8 else size - 2  # the river runs between rows river_row and river_row + 1
    bridges = {j for j in range(size) if j % 5 == 0 or j % 5 == 2}

    def g(i: float, j: float) -> tuple[float, float]:
        return grid_latlon(i, j, size)

    ring_pts = {
        "w": lambda i: _offset(*g(i, 0), -RING_OFFSET_M, 0),
        "e": lambda i: _offset(*g(i, size - 1), RING_OFFSET_M, 0),
        "s": lambda j: _offset(*g(0, j), 0, -RING_OFFSET_M),
        "n": lambda j: _offset(*g(size - 1, j), 0, RING_OFFSET_M),
    }
    roundabout_nodes = []
    for k in range(12):
        a = 2 * math.pi * k / 12  # anticlockwise from east: right-hand traffic
        roundabout_nodes.append(
            (_offset(*g(c, c), ROUNDABOUT_R * math.cos(a), ROUNDABOUT_R * math.sin(a)), ("ra", k))
        )
    for i in range(size):  # east-west streets
        cls, oneway = _line_class(i)
        pts = [(g(i, j), ("g", i, j)) for j in range(size)]
        name = _line_name(_EW_NAMES, i)
        if cls == "primary":
            pts = [(ring_pts["w"](i), ("rw", i)), *pts, (ring_pts["e"](i), ("re", i))]
        if i == c:
            west, east = pts[: c + (1 if cls == "primary" else 0)], pts[c + (2 if cls == "primary" else 1) :]
            b.street([*west, roundabout_nodes[6]], cls, name, oneway)
            b.street([roundabout_nodes[0], *east], cls, name, oneway)
        else:
            b.street(pts, cls, name, oneway)
    for j in range(size):  # north-south streets, cut by the river where there is no bridge
        cls, oneway = _line_class(j)
        name = _line_name(_NS_NAMES, j)
        pts = [(g(i, j), ("g", i, j)) for i in range(size)]
        if cls == "primary":
            pts = [(ring_pts["s"](j), ("rs", j)), *pts, (ring_pts["n"](j), ("rn", j))]
        first = 1 if cls == "primary" else 0
        parts = [pts]
        if j == c:
            parts = [[*pts[: first + c], roundabout_nodes[9]], [roundabout_nodes[3], *pts[first + c + 1 :]]]
        if j not in bridges:
            cut = first + river_row + 1
            parts = [p for part in parts for p in (_cut(part, pts[cut - 1], pts[cut]))]
        for part in parts:
            if len(part) >= 2:
                b.street(part, cls, name, oneway)
    b.street([*roundabout_nodes, roundabout_nodes[0]], "primary", "Centre Circle", 1, roundabout=True)
    # The expressway ring: a square round the town through the arterials' ends, two-way.
    lo, hi = -RING_OFFSET_M, RING_OFFSET_M
    corner = {
        "sw": (_offset(*g(0, 0), lo, lo), "csw"),
        "se": (_offset(*g(0, size - 1), hi, lo), "cse"),
        "ne": (_offset(*g(size - 1, size - 1), hi, hi), "cne"),
        "nw": (_offset(*g(size - 1, 0), lo, hi), "cnw"),
    }
    arterials = [k for k in range(size) if k % 5 == 0]
    south = [corner["sw"], *[(ring_pts["s"](j), ("rs", j)) for j in arterials], corner["se"]]
    east = [corner["se"], *[(ring_pts["e"](i), ("re", i)) for i in arterials], corner["ne"]]
    north = [corner["ne"], *[(ring_pts["n"](j), ("rn", j)) for j in reversed(arterials)], corner["nw"]]
    west = [corner["nw"], *[(ring_pts["w"](i), ("rw", i)) for i in reversed(arterials)], corner["sw"]]
    b.street(
        south + east[1:] + north[1:] + west[1:],
        "motorway",
        "Ring Expressway",
        0,
        ref="R1",
        shape_every_m=100.0,
    )
    # A living street and a service road into a car park, for every class of road.
    b.street([(g(1, 1), ("g", 1, 1)), (g(1.5, 1), None), (g(1.5, 1.5), None)], "living_street", "Lane 12")
    _river(b, g, size, river_row)
    _blocks(b, g, size, river_row, buildings)
    _pois(b, g, size, river_row)
    b.places.append({"lat": g(c, c)[0], "lon": g(c, c)[1], "name": TOWN_NAME, "kind": "town"})
    for name, (i, j) in (
        ("North Bank", (size - 4, c - 5)),
        ("Old Town", (3, 4)),
        ("East Side", (c, size - 4)),
    ):
        lat, lon = g(i + 0.5, j + 0.5)
        b.places.append({"lat": lat, "lon": lon, "name": name, "kind": "suburb"})
    return b.build()


def _cut(part: list, a: object, bb: object) -> list[list]:
    """Split a street's points where it would cross the river (between points ``a`` and ``bb``)."""
    if a in part and bb in part:
        k = part.index(bb)
        return [part[:k], part[k:]]
    return [part]


def _river(b: _Builder, g, size: int, row: int) -> None:
    width = 50.0
    xs = np.linspace(-3, size + 2, 8 * (size + 5))
    mid = [g(row + 0.5 + 0.08 * math.sin(x / 2.3), x) for x in xs]
    north = [_offset(lat, lon, 0, width / 2) for lat, lon in mid]
    south = [_offset(lat, lon, 0, -width / 2) for lat, lon in mid]
    b.areas.append(("water", [north + south[::-1]]))
    b.lines.append(("river", mid))


def _rect(g, i0: float, j0: float, i1: float, j1: float) -> list[tuple[float, float]]:
    return [g(i0, j0), g(i0, j1), g(i1, j1), g(i1, j0), g(i0, j0)]


def _blocks(b: _Builder, g, size: int, river_row: int, buildings: bool) -> None:
    parks = {(3, 3), (3, 4), (4, 3), (4, 4), (size - 5, size - 6), (2, size - 4)}
    m = 0.12  # margin from the street, in blocks (18 m)
    for i in range(size - 1):
        for j in range(size - 1):
            if i == river_row:
                b.areas.append(("park", [_rect(g, i + m, j + m, i + 0.3, j + 1 - m)]))
                continue
            if (i, j) in parks:
                b.areas.append(("park", [_rect(g, i + m, j + m, i + 1 - m, j + 1 - m)]))
                continue
            if not buildings:
                continue
            for di, dj in ((0, 0), (0, 1), (1, 0), (1, 1)):
                i0, j0 = i + m + di * 0.4, j + m + dj * 0.4
                b.areas.append(("building", [_rect(g, i0, j0, i0 + 0.33, j0 + 0.33)]))


def _pois(b: _Builder, g, size: int, river_row: int) -> None:
    def at(i: float, j: float) -> tuple[float, float]:
        return g(i + 0.15, j + 0.15)

    dc = {"socket:gb_dc": "2", "socket:gb_dc:output": "120 kW", "capacity": "4"}
    ac = {"socket:type2": "4", "socket:type2:output": "7 kW", "capacity": "4"}
    chargers = [
        ("Town Hall Fast Charge", (size // 2 - 1, size // 2 - 1), dc),
        ("Riverside Chargers", (river_row - 1, 3), ac),
        ("Old Town Garage Charging", (2, 2), ac),
        ("North Bank Superfast", (size - 3, size - 3), {**dc, "socket:gb_dc:output": "250 kW"}),
        ("East Side Charging Hub", (size // 2, size - 2), dc),
        ("Market Street AC", (5, size // 2 + 2), ac),
    ]
    for name, (i, j), tags in chargers:
        lat, lon = at(i, j)
        b.pois.append(
            {
                "lat": lat,
                "lon": lon,
                "category": "charging",
                "name": name,
                "tags": {**tags, "operator": "Demo Power"},
            }
        )
    # A battery-swap station (OSM: amenity=charging_station + motorcar:battery_swap=yes, as NIO's are
    # mapped), for cars whose profile says they swap.
    lat, lon = at(size // 2 + 2, 1)
    b.pois.append(
        {
            "lat": lat,
            "lon": lon,
            "category": "swap",
            "name": "West Gate Power Swap",
            "tags": {"amenity": "charging_station", "motorcar:battery_swap": "yes", "operator": "Demo Power"},
        }
    )
    for name, (i, j) in (
        ("Sinopec Ring Station", (0, size - 2)),
        ("PetroChina Huashan", (size - 2, 7)),
        ("Shell Yan'an Road", (size // 2 - 3, 1)),
    ):
        lat, lon = at(i, j)
        b.pois.append(
            {"lat": lat, "lon": lon, "category": "fuel", "name": name, "tags": {"brand": name.split()[0]}}
        )
    for name, (i, j) in (
        ("Central Car Park", (size // 2 + 1, size // 2 + 1)),
        ("Station Car Park", (1, 6)),
        ("Riverside Parking", (river_row + 1, size - 5)),
        ("Mall Parking", (8, 12)),
        ("Hospital Parking", (size - 3, 2)),
    ):
        lat, lon = at(i, j)
        b.pois.append(
            {"lat": lat, "lon": lon, "category": "parking", "name": name, "tags": {"capacity": "200"}}
        )
    # The car park at Station Car Park has a service road into it.
    b.street([(g(1, 6), ("g", 1, 6)), (g(1.35, 6.3), None)], "service", "", 0)


def builtin_path(folder: Path | None = None) -> Path:
    return (folder or maps_dir()) / f"builtin-town-v{VERSION}.navmap.npz"


def builtin_town(folder: Path | None = None) -> MapData:
    """The built-in town, generated once and cached in the user data folder."""
    path = builtin_path(folder)
    if path.is_file():
        try:
            return MapData.load(path)
        except Exception:  # a damaged cache is regenerated, never fatal
            pass
    data = generate_town()
    # A read-only home is fine: the town is generated again next time.
    with contextlib.suppress(OSError):
        data.save(path)
    return data
