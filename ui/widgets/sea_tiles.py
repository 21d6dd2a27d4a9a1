"""The sea cut into the map's square tiles, in time that grows with the coast's length, not with the number
of tiles times the coast's length.

The sea's rings (odd-even rule, map metres) are clipped to a block of tiles, and the block is halved until
it is one tile, so each vertex is clipped about log2(tiles) times (Sutherland-Hodgman against one line,
vectorised with numpy). A block that no ring crosses is whole sea or dry land, told by whether its centre
is inside: whole sea is kept as one rectangle however many tiles it spans, so open sea costs a picture a
handful of fills.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Ring = tuple[np.ndarray, np.ndarray]  # x, y; closed implicitly


@dataclass
class SeaPiece:
    key: tuple[int, int]  # the tile that holds it (a whole rectangle: its north-west tile)
    rings: list[Ring]  # the sea within the tile, odd-even; empty when ``rect`` is set
    rect: tuple[float, float, float, float] | None = None  # x, y, width, height: all of it sea


def _clip(ring: Ring, axis: int, at: float, keep_low: bool) -> Ring:
    """Sutherland-Hodgman against the line ``coordinate[axis] == at``, keeping the low or the high side."""
    x, y = ring
    v = x if axis == 0 else y
    inside = v <= at if keep_low else v >= at
    if inside.all() or not inside.any():
        return ring if inside.all() else (x[:0], y[:0])
    nx, ny, nv = np.roll(x, -1), np.roll(y, -1), np.roll(v, -1)
    cross = inside != np.roll(inside, -1)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(cross, (at - v) / (nv - v), 0.0)
    ix, iy = x + t * (nx - x), y + t * (ny - y)
    if axis == 0:
        ix = np.where(cross, at, ix)  # exactly on the line: the block test below relies on it
    else:
        iy = np.where(cross, at, iy)
    # Per vertex: the vertex if inside, then where its edge to the next vertex crosses the line.
    keep = np.stack([inside, cross], 1).ravel()
    return np.stack([x, ix], 1).ravel()[keep], np.stack([y, iy], 1).ravel()[keep]


def _on_edge(ring: Ring, x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether every edge of the clipped ring runs along the block's border (no ring crosses it)."""
    x, y = ring
    nx, ny = np.roll(x, -1), np.roll(y, -1)
    along = (
        ((x == x0) & (nx == x0))
        | ((x == x1) & (nx == x1))
        | ((y == y0) & (ny == y0))
        | ((y == y1) & (ny == y1))
    )
    return bool(along.all())


def _contains(rings: list[Ring], px: float, py: float) -> bool:
    """Odd-even: whether the point is inside the rings (crossings of a ray towards +x)."""
    crossings = 0
    for x, y in rings:
        nx, ny = np.roll(x, -1), np.roll(y, -1)
        spans = (y > py) != (ny > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x + (py - y) * (nx - x) / (ny - y)
        crossings += int(np.count_nonzero(spans & (at > px)))
    return crossings % 2 == 1


def sea_pieces(rings: list[Ring], tile_m: float) -> list[SeaPiece]:
    """The sea per tile: cut pieces where the coast or the extract's edge crosses a tile, and one rectangle
    per block of whole sea tiles."""
    rings = [(np.asarray(x, float), np.asarray(y, float)) for x, y in rings if len(x) >= 3]
    if not rings:
        return []
    xs, ys = np.concatenate([r[0] for r in rings]), np.concatenate([r[1] for r in rings])
    i0, j0 = math.floor(xs.min() / tile_m), math.floor(ys.min() / tile_m)
    i1, j1 = math.floor(xs.max() / tile_m) + 1, math.floor(ys.max() / tile_m) + 1
    pieces: list[SeaPiece] = []
    # Blocks of tiles [ia, ib) × [ja, jb) with the rings clipped to them; depth first, so few are alive.
    stack = [(i0, j0, i1, j1, rings)]
    while stack:
        ia, ja, ib, jb, inner = stack.pop()
        x0, y0, x1, y1 = ia * tile_m, ja * tile_m, ib * tile_m, jb * tile_m
        if all(_on_edge(r, x0, y0, x1, y1) for r in inner):
            if _contains(inner, (x0 + x1) / 2, (y0 + y1) / 2):
                pieces.append(SeaPiece((ia, ja), [], (x0, y0, x1 - x0, y1 - y0)))
            continue
        if ib - ia == 1 and jb - ja == 1:
            pieces.append(SeaPiece((ia, ja), inner))
            continue
        if ib - ia >= jb - ja:
            mid = (ia + ib) // 2
            line, axis, halves = mid * tile_m, 0, ((ia, ja, mid, jb), (mid, ja, ib, jb))
        else:
            mid = (ja + jb) // 2
            line, axis, halves = mid * tile_m, 1, ((ia, ja, ib, mid), (ia, mid, ib, jb))
        for block, keep_low in zip(halves, (True, False), strict=True):
            clipped = [_clip(r, axis, line, keep_low) for r in inner]
            clipped = [r for r in clipped if len(r[0]) >= 3]
            if clipped:
                stack.append((*block, clipped))
    return pieces
