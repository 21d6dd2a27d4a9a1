"""Body, seat and light ECUs: they act on requests after a realistic delay, move at real speeds, and keep
the interlocks a real car has.

Requests come in as field → value (decoded from the IVI's request frames); each ECU applies them after
its reaction time. Windows travel at about 4 s end to end, the sunroof about 8 s, the power tailgate about
5 s. Interlocks: the tailgate and frunk do not open above walking pace, a window with a pinch fault will not
close (it stops and backs off), the charge port does not open while driving, doors lock on their own above
15 km/h.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

WINDOWS = ("FL", "FR", "RL", "RR")
SEATS = ("Drv", "Pas", "RL", "RR")
WALKING_PACE_KMH = 5.0
AUTO_LOCK_KMH = 15.0
# %/s of travel
WINDOW_RATE = {"FL": 26.0, "FR": 26.0, "RL": 22.0, "RR": 22.0}
SUNROOF_RATE = 12.5
SUNSHADE_RATE = 16.0
TAILGATE_RATE = 20.0
# seconds from request to the ECU acting on it
BODY_DELAY = 0.25
SEAT_DELAY = 0.15
LIGHT_DELAY = 0.1
PINCH_BACKOFF = 10.0


@dataclass(frozen=True)
class Refusal:
    """A request an ECU would not act on: which (the DBC's RefusedRequest name) and why (RefusalReason)."""

    request: str
    reason: str
    detail: str

    def __str__(self) -> str:
        return f"refused: {self.detail}"


@dataclass
class SeatState:
    heat: int = 0
    vent: int = 0
    massage: bool = False
    program: str = "WAVE"
    intensity: int = 2


@dataclass
class BodyState:
    window_pos: dict[str, float] = field(default_factory=lambda: dict.fromkeys(WINDOWS, 0.0))
    window_target: dict[str, float] = field(default_factory=lambda: dict.fromkeys(WINDOWS, 0.0))
    pinch_fault: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(WINDOWS, False))
    sunroof_pos: float = 0.0
    sunroof_target: float = 0.0
    sunshade_pos: float = 0.0
    sunshade_target: float = 0.0
    child_lock_rear: bool = True
    doors_open: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(WINDOWS, False))
    trunk_pos: float = 0.0
    trunk_target: float = 0.0
    frunk_open: bool = False
    hood_open: bool = False
    central_locked: bool = False
    charge_port_open: bool = False
    charge_port_locked: bool = False
    headlight_mode: str = "AUTO"
    high_beam: bool = False
    fog_front: bool = False
    fog_rear: bool = False
    hazard: bool = False
    ambient_rgb: tuple[int, int, int] = (90, 140, 255)
    ambient_brightness: float = 60.0
    ambient_on: bool = True
    seats: dict[str, SeatState] = field(default_factory=lambda: {s: SeatState() for s in SEATS})
    steering_heat: bool = False
    media_button: int = 0  # the steering-wheel media button pressed last (the DBC's MediaButton values)
    media_presses: int = 0


class BodyControl:
    """Every comfort ECU behind the gateway, sharing one clock."""

    def __init__(self) -> None:
        self.state = BodyState()
        self._pending: list[tuple[float, Callable[[], None]]] = []
        self.now = 0.0
        self.refusals: list[tuple[float, Refusal]] = []
        # Refusals not yet reported on the bus; BCM_RequestRefusal reports one per cycle, in order.
        self._unreported: deque[Refusal] = deque(maxlen=32)
        self.reported_refusal: Refusal | None = None
        self.refusal_sequence = 0

    # -- requests -------------------------------------------------------------------------------------------
    def schedule(self, delay: float, action: Callable[[], None]) -> None:
        """Run ``action`` ``delay`` seconds from now on this clock (other ECUs share it)."""
        self._pending.append((self.now + delay, action))

    def request(self, field_name: str, value: object, speed_kmh: float) -> Refusal | None:
        """Queue one request; returns why it is refused (nothing is queued then), or None."""
        refusal = self._refusal(field_name, value, speed_kmh)
        if refusal is not None:
            self.refuse(refusal)
            return refusal
        delay = SEAT_DELAY if field_name.startswith(("seat", "steering")) else BODY_DELAY
        if field_name.startswith(("headlight", "ambient")):
            delay = LIGHT_DELAY
        self.schedule(delay, lambda: self._apply(field_name, value))
        return None

    def refuse(self, refusal: Refusal) -> None:
        """Record a refusal (of this or another comfort ECU) for BCM_RequestRefusal to report."""
        self.refusals.append((self.now, refusal))
        self._unreported.append(refusal)

    def next_refusal_report(self) -> tuple[Refusal | None, int]:
        """What BCM_RequestRefusal carries this cycle: the next unreported refusal, else the last again."""
        if self._unreported:
            self.reported_refusal = self._unreported.popleft()
            self.refusal_sequence = self.refusal_sequence % 255 + 1
        return self.reported_refusal, self.refusal_sequence

    def _refusal(self, name: str, value: object, speed_kmh: float) -> Refusal | None:
        s = self.state
        if name == "trunk" and value == "OPEN" and speed_kmh > WALKING_PACE_KMH:
            return Refusal("TRUNK", "VEHICLE_MOVING", "vehicle moving (the tailgate opens below 5 km/h)")
        if name == "frunk" and value == "OPEN" and speed_kmh > WALKING_PACE_KMH:
            return Refusal("FRUNK", "VEHICLE_MOVING", "vehicle moving (the frunk opens below 5 km/h)")
        if name == "charge_port" and value == "OPEN" and speed_kmh > 0.5:
            why = "vehicle moving (the charge port opens when stopped)"
            return Refusal("CHARGE_PORT", "VEHICLE_MOVING", why)
        if name.startswith("window:"):
            w = name.split(":", 1)[1]
            if s.pinch_fault[w] and isinstance(value, (int, float)) and value < s.window_pos[w]:
                return Refusal(f"WINDOW_{w}", "PINCH_PROTECTION", f"window {w} pinch protection active")
        return None

    def _apply(self, name: str, value: object) -> None:
        s = self.state
        kind, _, key = name.partition(":")
        if kind == "window":
            s.window_target[key] = float(value)  # type: ignore[arg-type]
        elif kind == "sunroof":
            s.sunroof_target = float(value)  # type: ignore[arg-type]
        elif kind == "sunshade":
            s.sunshade_target = float(value)  # type: ignore[arg-type]
        elif kind == "child_lock":
            s.child_lock_rear = bool(value)
        elif kind == "lock":
            s.central_locked = value == "LOCK"
        elif kind == "trunk":
            s.trunk_target = 100.0 if value == "OPEN" else 0.0
        elif kind == "frunk":
            s.frunk_open = value == "OPEN"
        elif kind == "charge_port":
            s.charge_port_open = value == "OPEN"
        elif kind == "headlight":
            s.headlight_mode = str(value)
        elif kind == "high_beam":
            s.high_beam = bool(value)
        elif kind == "ambient_rgb":
            s.ambient_rgb = value  # type: ignore[assignment]
        elif kind == "ambient_brightness":
            s.ambient_brightness = float(value)  # type: ignore[arg-type]
        elif kind == "ambient_on":
            s.ambient_on = bool(value)
        elif kind == "steering_heat":
            s.steering_heat = bool(value)
        elif kind == "seat":
            seat, _, attr = key.partition(".")
            setattr(s.seats[seat], attr, value)

    # -- time -----------------------------------------------------------------------------------------------
    def step(self, dt: float, speed_kmh: float) -> None:
        self.now += dt
        due = [p for p in self._pending if p[0] <= self.now]
        if due:
            self._pending = [p for p in self._pending if p[0] > self.now]
            for _, action in due:
                action()
        s = self.state
        for w in WINDOWS:
            if s.pinch_fault[w] and s.window_target[w] < s.window_pos[w]:
                # Closing against an obstacle: stop and back off, as anti-pinch does.
                s.window_target[w] = min(100.0, s.window_pos[w] + PINCH_BACKOFF)
            s.window_pos[w] = _move(s.window_pos[w], s.window_target[w], WINDOW_RATE[w] * dt)
        s.sunroof_pos = _move(s.sunroof_pos, s.sunroof_target, SUNROOF_RATE * dt)
        s.sunshade_pos = _move(s.sunshade_pos, s.sunshade_target, SUNSHADE_RATE * dt)
        s.trunk_pos = _move(s.trunk_pos, s.trunk_target, TAILGATE_RATE * dt)
        if speed_kmh > AUTO_LOCK_KMH and not s.central_locked:
            s.central_locked = True


def _move(pos: float, target: float, step: float) -> float:
    if pos < target:
        return min(target, pos + step)
    if pos > target:
        return max(target, pos - step)
    return pos
