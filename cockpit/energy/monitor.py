"""The energy model the energy panel draws: trip computer, power flow, charging session, ranges.

Qt-free and pull-driven: :meth:`EnergyMonitor.update` reads what changed in the state store since its last
call (``changes_since``) and integrates it by the signals' timestamps. Call it from every UI tick whether
the panel is visible or not (it is O(changed values)); if it is not called for a while anyway, the next
call catches up on the integrated signals from the store's bounded history instead of losing the stretch.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..state_store import SignalValue, StateStore
from .charging_session import ChargingSession, ChargingTracker
from .power_flow import ACTIVE_KW, PowerFlow, build_power_flow
from .trip_computer import MAX_GAP_S, SampleIntegrator, TripComputer, TripStats

TB = "Vehicle.Powertrain.TractionBattery."
SPEED = "Vehicle.Speed"
ODOMETER = "Vehicle.TraveledDistance"
BATTERY_POWER = TB + "CurrentPower"
BATTERY_VOLTAGE = TB + "CurrentVoltage"
BATTERY_CURRENT = TB + "CurrentCurrent"
SOC_DISPLAYED = TB + "StateOfCharge.Displayed"
SOC_CURRENT = TB + "StateOfCharge.Current"
MOTOR_POWER = "Vehicle.Powertrain.ElectricMotor.Power"
CLIMATE_POWER = "Vehicle.SmartCockpit.Cabin.HVAC.Power"
GENERATOR_POWER = "Vehicle.SmartCockpit.Powertrain.RangeExtender.GeneratorPower"
CHARGER_POWER = "Vehicle.SmartCockpit.Powertrain.TractionBattery.Charging.Power"
IS_CHARGING = TB + "Charging.IsCharging"
CHARGE_STATE = "Vehicle.SmartCockpit.Powertrain.TractionBattery.Charging.State"
PLUG_CONNECTED = TB + "Charging.IsChargingCableConnected"
CHARGE_LIMIT = TB + "Charging.ChargeLimit"
TIME_TO_COMPLETE = TB + "Charging.TimeToComplete"
BATTERY_RANGE = TB + "Range"
FUEL_RANGE = "Vehicle.Powertrain.FuelSystem.Range"
TOTAL_RANGE = "Vehicle.Powertrain.Range"

_STATES = frozenset({IS_CHARGING, CHARGE_STATE, PLUG_CONNECTED})

# The catalog's unit for each path, used when the store was built without units (tests, ad-hoc tools).
DEFAULT_UNITS = {
    SPEED: "km/h",
    ODOMETER: "km",
    BATTERY_POWER: "W",
    MOTOR_POWER: "kW",
    CLIMATE_POWER: "W",
    GENERATOR_POWER: "W",
    CHARGER_POWER: "W",
    TIME_TO_COMPLETE: "s",
    BATTERY_RANGE: "m",
    FUEL_RANGE: "m",
    TOTAL_RANGE: "m",
}
_TO_KW = {"W": 0.001, "kW": 1.0, "MW": 1000.0}
_TO_KM = {"m": 0.001, "km": 1.0, "mi": 1.609344}
_TO_KMH = {"km/h": 1.0, "m/s": 3.6, "mph": 1.609344}
_TO_MIN = {"s": 1 / 60, "min": 1.0, "h": 60.0}

#: A value older than this (s, on the signals' clock) is not shown as a current flow.
STALE_S = 5.0
#: A sample this far (s) behind the newest one seen means the clock went back (replay loop or seek).
REWIND_S = 1.0
#: The car counts as driving (a finished charging session is dropped) above this speed (km/h).
DRIVING_KMH = 2.0
#: Voltage and current further apart than this (s) do not make a power figure together. Generous: the
#: pack voltage moves slowly, and a catch-up from history pairs old currents with the latest voltage.
PAIR_S = 10.0


@dataclass(frozen=True, slots=True)
class Ranges:
    electric_km: float | None
    fuel_km: float | None
    total_km: float | None


Handler = Callable[[float, Any], None]
Converter = Callable[[SignalValue], float | None]


def _convert(item: SignalValue, table: dict[str, float]) -> float | None:
    value = item.value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    unit = item.unit or DEFAULT_UNITS.get(item.path)
    factor = table.get(unit or "")
    if factor is None:
        # A unit we cannot convert is worse than no figure: a 1000× error looks plausible on a gauge.
        return None
    return float(value) * factor


def _number(item: SignalValue) -> float | None:
    value = item.value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


class EnergyMonitor:
    """Trip computer, power flow, charging session and ranges over one :class:`StateStore`."""

    def __init__(
        self,
        store: StateStore,
        capacity_kwh: float | None = None,
        bin_km: float = 1.0,
        window_km: float = 50.0,
    ) -> None:
        self.store = store
        self.capacity_kwh = capacity_kwh
        # The first update reads every value the store holds (a charging state set long ago still counts),
        # but integrates only what came after the monitor was made.
        self._version = 0
        snapshot = store.snapshot()
        self._start_t = max((v.timestamp for v in snapshot.values()), default=-math.inf)
        self._computer = TripComputer(bin_km, window_km)
        self._tracker = ChargingTracker(capacity_kwh)
        self._battery = SampleIntegrator()
        self._speed = SampleIntegrator()
        self._generator = SampleIntegrator()
        self._charger = SampleIntegrator()
        self._clock = -math.inf  # newest sample time seen (s)
        self._breaks: deque[tuple[float, float]] = deque(maxlen=16)  # recent gaps (start, end)
        self._battery_from_power = False  # CurrentPower seen: V×I is no longer used
        self._voltage: tuple[float, float] | None = None  # (t, V)
        self._generator_kw = 0.0
        self._battery_charging = False  # charging when the held battery sample was taken
        self._seen: set[str] = set()
        kw, kmh, number = partial(_convert, table=_TO_KW), partial(_convert, table=_TO_KMH), _number
        # Per path: (handler, conversion to the handler's unit or None for flags, integrator to catch up).
        self._handlers: dict[str, tuple[Handler, Converter | None, SampleIntegrator | None]] = {
            BATTERY_POWER: (self._on_battery_power, kw, self._battery),
            BATTERY_CURRENT: (self._on_battery_current, number, self._battery),
            BATTERY_VOLTAGE: (self._on_battery_voltage, number, None),
            SPEED: (self._on_speed, kmh, self._speed),
            GENERATOR_POWER: (self._on_generator, kw, self._generator),
            CHARGER_POWER: (self._on_charger_power, kw, self._charger),
            SOC_DISPLAYED: (self._on_soc, number, None),
            SOC_CURRENT: (self._on_soc_current, number, None),
            CHARGE_LIMIT: (self._on_target, number, None),
            TIME_TO_COMPLETE: (self._on_time_to_complete, partial(_convert, table=_TO_MIN), None),
            IS_CHARGING: (self._on_charging_flag, None, None),
            CHARGE_STATE: (self._on_charging_flag, None, None),
            PLUG_CONNECTED: (self._on_plug, None, None),
        }

    # -- the UI tick ----------------------------------------------------------------------------------------
    def update(self) -> None:
        """Take in everything that changed in the store since the last call."""
        version, changes = self.store.changes_since(self._version)
        self._version = version
        relevant = [c for c in changes if c.path in self._handlers or c.path == ODOMETER]
        if not relevant:
            return
        # In time order; at the same instant, states (charging, plug) before the streams they qualify.
        relevant.sort(key=lambda c: (c.timestamp, c.path not in _STATES))
        if not self._battery_from_power and any(c.path == BATTERY_POWER for c in relevant):
            self._battery_from_power = True  # before a current at the same instant makes a V×I figure
        if relevant[0].timestamp < self._clock - REWIND_S:
            self._rewind(relevant[0].timestamp)
        odometer: list[SignalValue] = []
        for item in relevant:
            self._clock = max(self._clock, item.timestamp)
            if item.path == ODOMETER:
                odometer.append(item)  # after the other streams: a gap they reveal must be known first
                continue
            self._dispatch(item)
        for item in odometer:
            km = _convert(item, _TO_KM)
            if km is not None and self._computer.add_odometer(item.timestamp, km, self._breaks):
                self._tracker.moved()
        self._computer.settle()

    def _rewind(self, t: float) -> None:
        # A replay started over or seeked back. Each integrator re-anchors by itself (it sees time go back);
        # here the state that spans signals: gaps recorded on the old clock and the charging curve.
        self._clock = t
        self._breaks.clear()
        self._tracker.rewind(t)
        self._computer.distance.rewind()

    def _dispatch(self, item: SignalValue) -> None:
        handler, convert, integrator = self._handlers[item.path]
        self._seen.add(item.path)
        if convert is None:
            handler(item.timestamp, item.value)
            return
        value = convert(item)
        if value is None:
            return
        if integrator is not None:
            self._catch_up(item, handler, convert, integrator)
        handler(item.timestamp, value)

    def _catch_up(
        self, item: SignalValue, handler: Handler, convert: Converter, integrator: SampleIntegrator
    ) -> None:
        """Feed the samples the store kept between this one and the previous one we saw.

        Only when they are further apart than a gap: then either ``update`` was not called for a while
        (the history fills the stretch) or the data really has a gap (the history has nothing either).
        """
        last = integrator.last_t
        if last is None:
            # The stream's first sample: take in what the store kept since the monitor was made.
            last = self._start_t
        elif item.timestamp - last <= MAX_GAP_S:
            return
        times, values = self.store.history(item.path)
        inside = (times > last) & (times < item.timestamp)
        times, values = times[inside], values[inside]
        if not len(times):
            return
        # After a rewind the ring holds two runs of the clock; do not stitch them together.
        if len(times) > 1 and (times[1:] < times[:-1]).any():
            return
        # The conversions are linear: the factor is what one unit converts to.
        factor = convert(SignalValue(item.path, 1.0, item.unit, item.timestamp, item.source))
        if factor is None:
            return
        for t, v in zip(times.tolist(), values.tolist(), strict=True):
            handler(t, v * factor)

    # -- handlers -------------------------------------------------------------------------------------------
    def _on_battery_power(self, t: float, kw: float) -> None:
        self._battery_from_power = True
        self._battery_sample(t, kw)

    def _on_battery_current(self, t: float, amps: float) -> None:
        # Cars that map only voltage and current (the Kona) still get a power figure: V × I.
        if self._battery_from_power or self._voltage is None or abs(t - self._voltage[0]) > PAIR_S:
            return
        self._battery_sample(t, self._voltage[1] * amps / 1000)

    def _on_battery_voltage(self, t: float, volts: float) -> None:
        self._voltage = (t, volts)

    def _battery_sample(self, t: float, kw: float) -> None:
        dt, held = self._battery.add(t, kw)
        self._note_break(self._battery)
        # Held values are held together: the interval belongs to charging if the car was charging when
        # its (held) sample was taken, not when the next one came.
        was_charging, charging = self._battery_charging, self._tracker.is_charging
        self._battery_charging = charging
        if charging and CHARGER_POWER not in self._seen:
            # No charger figure on this car: what goes into the pack is the charging power.
            self._tracker.power(t, -kw)
        if dt <= 0 or was_charging:
            # Charging is not driving: its energy is the session's, not the trip's (no −40 kWh trips).
            return
        self._computer.add_battery(dt, held, self._generator_kw)
        self._computer.add_duration(dt)

    def _on_speed(self, t: float, kmh: float) -> None:
        dt, held = self._speed.add(t, kmh)
        self._note_break(self._speed)
        if dt > 0:
            self._computer.add_speed(t, dt, held)
            if not self._battery_seen and not self._tracker.is_charging:
                self._computer.add_duration(dt)  # no pack power on this car: speed keeps the time
        if kmh > DRIVING_KMH:
            self._tracker.moved()

    @property
    def _battery_seen(self) -> bool:
        return self._battery.last_t is not None

    def _on_generator(self, t: float, kw: float) -> None:
        dt, held = self._generator.add(t, kw)
        self._generator_kw = kw
        if dt > 0 and not self._tracker.is_charging:
            self._computer.add_generator(dt, held)

    def _on_charger_power(self, t: float, kw: float) -> None:
        self._charger.add(t, kw)
        if IS_CHARGING not in self._seen and CHARGE_STATE not in self._seen:
            # The charger's power is the only sign of charging on this car.
            self._tracker.set_charging(t, kw > ACTIVE_KW)
        self._tracker.power(t, kw)

    def _on_soc(self, t: float, soc: float) -> None:
        self._tracker.soc(soc)

    def _on_soc_current(self, t: float, soc: float) -> None:
        # The displayed SoC is what the driver compares with; the BMS's own one only when that is missing.
        if SOC_DISPLAYED not in self._seen:
            self._tracker.soc(soc)

    def _on_target(self, t: float, soc: float) -> None:
        self._tracker.target(soc)

    def _on_time_to_complete(self, t: float, minutes: float) -> None:
        self._tracker.vehicle_minutes(t, minutes)

    def _on_charging_flag(self, t: float, value: Any) -> None:
        if isinstance(value, str):
            if IS_CHARGING in self._seen:
                return  # the boolean is the VSS signal; the state string only stands in for it
            charging = value.upper() == "CHARGING"
        else:
            charging = bool(value)
        self._tracker.set_charging(t, charging)

    def _on_plug(self, t: float, value: Any) -> None:
        self._tracker.set_plugged(bool(value))

    def _note_break(self, integrator: SampleIntegrator) -> None:
        # The odometer must not count a delta across a gap in the data; a rewind re-anchors it by itself.
        start, end = integrator.broken_from, integrator.last_t
        if integrator.broke and start is not None and end is not None and end > start:
            self._breaks.append((start, end))

    # -- outputs --------------------------------------------------------------------------------------------
    @property
    def since_start(self) -> TripStats:
        return self._computer.since_start

    @property
    def trip(self) -> TripStats:
        return self._computer.trip

    def reset_trip(self) -> None:
        self._computer.reset_trip()

    @property
    def distance_source(self) -> str | None:
        """What the distance comes from: "odometer+speed", "odometer", "speed" or None (nothing yet)."""
        return self._computer.distance.source

    @property
    def consumption_bins(self) -> list[tuple[float, float]]:
        """Completed bins (end km since start, Wh/km) over the last ``window_km``, oldest first."""
        return self._computer.bins.completed()

    @property
    def current_bin(self) -> tuple[float, float] | None:
        """The bin being driven now (km since start, Wh/km so far); None under 50 m."""
        return self._computer.consumption_partial()

    @property
    def bin_km(self) -> float:
        return self._computer.bins.bin_km

    @property
    def charging(self) -> ChargingSession | None:
        return self._tracker.session()

    def power_flow(self) -> PowerFlow:
        return build_power_flow(
            battery_kw=self._battery_kw(),
            motor_kw=self._fresh_kw(MOTOR_POWER),
            climate_kw=self._fresh_kw(CLIMATE_POWER),
            charger_kw=self._fresh_kw(CHARGER_POWER),
            generator_kw=self._fresh_kw(GENERATOR_POWER),
        )

    def ranges(self) -> Ranges:
        electric = self._km(BATTERY_RANGE)
        fuel = self._km(FUEL_RANGE)
        total = self._km(TOTAL_RANGE)
        if electric is None and fuel is None and total is not None and self.store.get(FUEL_RANGE) is None:
            # A car that maps only the overall range (the Kona) and no fuel: all of it is electric.
            electric = total
        if total is None and electric is not None:
            total = electric + (fuel or 0.0)
        return Ranges(electric_km=electric, fuel_km=fuel, total_km=total)

    # -- reading the store ----------------------------------------------------------------------------------
    def _fresh(self, path: str) -> SignalValue | None:
        item = self.store.get(path)
        if item is None:
            return None
        if self._clock > -math.inf and abs(self._clock - item.timestamp) > STALE_S:
            return None
        return item

    def _fresh_kw(self, path: str) -> float | None:
        item = self._fresh(path)
        return None if item is None else _convert(item, _TO_KW)

    def _battery_kw(self) -> float | None:
        kw = self._fresh_kw(BATTERY_POWER)
        if kw is not None:
            return kw
        voltage, current = self._fresh(BATTERY_VOLTAGE), self._fresh(BATTERY_CURRENT)
        if voltage is None or current is None:
            return None
        v, i = _number(voltage), _number(current)
        return None if v is None or i is None else v * i / 1000

    def _km(self, path: str) -> float | None:
        item = self.store.get(path)
        return None if item is None else _convert(item, _TO_KM)
