"""The whole simulated car, without a bus: physics, energy, climate and body ECUs on one clock.

:meth:`SimulatedVehicle.step` advances everything by ``dt``; :meth:`request` is what the ECUs do with a
decoded IVI request. ``cockpit.simulator.bus_ecus`` turns this state into frames and frames into requests.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from .battery import Battery, ac_power_limit, dc_power_limit
from .body import BodyControl, Refusal
from .climate import SEAT_HEAT_W, SEAT_VENT_W, STEERING_HEAT_W, CabinClimate
from .drive_cycles import DriveCycle, IdleCycle, RouteCycle
from .faults import Faults
from .params import SimParams
from .powertrain import Powertrain
from .range_extender import RangeExtender
from .route import DEFAULT_LOOP, Route

HVAC_DELAY = 0.2
FLASH_S = 3.0  # "flash the lights": how long the hazards flash
# Comfortable acceleration and braking of a driver following a route (m/s²).
ROUTE_ACCEL = 1.6
ROUTE_DECEL = 2.5
DRIVE_MODE_POWER = {"ECO": 0.55, "COMFORT": 0.85, "SPORT": 1.0, "SNOW": 0.35}
REGEN_SCALE = (0.0, 0.4, 0.7, 1.0)
TYRE_COLD_KPA = 250.0
# Worldwide figure of a typical demo: the car starts with some history.
START_ODOMETER_KM = 12_408.3


@dataclass
class ChargingState:
    source: str = "NONE"  # NONE AC DC
    plugged: bool = False
    state: str = "IDLE"  # IDLE CONNECTED CHARGING COMPLETE FAULT
    power_w: float = 0.0
    voltage: float = 0.0
    current: float = 0.0
    target_soc: float = 90.0
    minutes_to_target: float = 0.0
    stopped: bool = False  # the owner stopped charging (ChargeEnableReq STOP) with the cable still in


class SimulatedVehicle:
    def __init__(
        self,
        params: SimParams,
        cycle: DriveCycle,
        soc: float = 80.0,
        outside_temp: float = 12.0,
        route: Route | None = None,
        faults: Faults | None = None,
    ) -> None:
        self.params = params
        self.cycle = cycle
        self.route = route or DEFAULT_LOOP
        self.powertrain = Powertrain(params.vehicle)
        self.battery = Battery(params.battery, soc=soc, temperature=outside_temp + 8)
        self.climate = CabinClimate(outside_temp=outside_temp)
        self.body = BodyControl()
        self.range_extender = RangeExtender(params.range_extender) if params.is_erev else None
        self.charging = ChargingState()
        self.faults = faults or Faults()
        self.t = 0.0
        self.ready = True
        self.drive_mode = "COMFORT"
        self.regen_level = 2
        self.odometer_km = START_ODOMETER_KM
        self.trip_km = 0.0
        self.lv_voltage = 14.1
        self.tyre_kpa = dict.fromkeys(("FL", "FR", "RL", "RR"), TYRE_COLD_KPA)
        self.tyre_temp = dict.fromkeys(("FL", "FR", "RL", "RR"), outside_temp + 5)
        self.steering_angle = 0.0
        self._route_origin_m = 0.0  # distance driven when the current route began
        self._last_heading = self.route.position(0.0)[2]
        self.wall_epoch = time.time()
        self._apply_drive_mode()
        self.aux_power_w = 0.0
        self.hv_power_w = 0.0  # net power the pack delivers (W, positive = discharge)

    # -- inputs ---------------------------------------------------------------------------------------------
    def plug_in(self, source: str, target_soc: float | None = None) -> None:
        """Connect an AC or DC charger (parked); charging runs to the target SoC."""
        self.charging.source = source.upper()
        self.charging.plugged = True
        self.charging.stopped = False
        self.charging.state = "CONNECTED"
        if target_soc is not None:
            self.charging.target_soc = target_soc
        self.body.state.charge_port_open = True
        self.body.state.charge_port_locked = True

    def press_media_button(self, code: int) -> None:
        """A press of a steering-wheel media button (the DBC's MediaButton value), as a driver makes it."""
        self.body.state.media_button = code
        self.body.state.media_presses += 1

    def request(self, field_name: str, value: object) -> Refusal | None:
        """An IVI request decoded from the bus; returns why it is refused, or None."""
        kind = field_name.partition(":")[0]
        speed = self.speed_kmh
        if kind == "hvac":
            self.body.schedule(HVAC_DELAY, lambda: self._apply_hvac(field_name.partition(":")[2], value))
            return None
        if kind == "drive_mode":
            self.body.schedule(HVAC_DELAY, lambda: self._set_drive_mode(str(value)))
            return None
        if kind == "regen_level":
            self.body.schedule(HVAC_DELAY, lambda: self._set_regen(int(value)))  # type: ignore[call-overload]
            return None
        if kind == "charge_enable":
            return self._charge_enable(str(value))
        if kind == "flash":
            if value:
                self.body.schedule(HVAC_DELAY, lambda: setattr(self.body.state, "hazard", True))
                self.body.schedule(HVAC_DELAY + FLASH_S, lambda: setattr(self.body.state, "hazard", False))
            else:
                self.body.schedule(HVAC_DELAY, lambda: setattr(self.body.state, "hazard", False))
            return None
        if kind == "target_soc":
            target = float(value)  # type: ignore[arg-type]
            self.body.schedule(HVAC_DELAY, lambda: setattr(self.charging, "target_soc", target))
            return None
        return self.body.request(field_name, value, speed)

    def _charge_enable(self, value: str) -> Refusal | None:
        if value == "START" and not self.charging.plugged:
            refusal = Refusal("CHARGE_ENABLE", "CABLE_NOT_CONNECTED", "charging cable not connected")
            self.body.refuse(refusal)  # the BCM reports it for the OBC, as for every comfort ECU
            return refusal
        self.body.schedule(HVAC_DELAY, lambda: setattr(self.charging, "stopped", value == "STOP"))
        return None

    def _apply_hvac(self, attr: str, value: object) -> None:
        c = self.climate.state
        setattr(c, attr, value)
        if attr == "driver_set" and c.sync_on:
            c.passenger_set = float(value)  # type: ignore[arg-type]
        if attr == "fan_level":
            c.auto_on = False
        if attr == "sync_on" and value:
            c.passenger_set = c.driver_set

    def _set_drive_mode(self, mode: str) -> None:
        self.drive_mode = mode
        self._apply_drive_mode()

    def _set_regen(self, level: int) -> None:
        self.regen_level = max(0, min(3, level))
        self._apply_drive_mode()

    def _apply_drive_mode(self) -> None:
        self.powertrain.power_scale = DRIVE_MODE_POWER.get(self.drive_mode, 0.85)
        self.powertrain.regen_scale = REGEN_SCALE[self.regen_level]

    # -- outputs --------------------------------------------------------------------------------------------
    @property
    def speed_kmh(self) -> float:
        return self.powertrain.state.speed * 3.6

    @property
    def gear(self) -> str:
        if self.charging.plugged or not self.ready:
            return "P"
        return "P" if self._parked() else "D"

    def _parked(self) -> bool:
        """The drive is over (or never starts): the driver selects P. At a red light the car stays in D."""
        if self.powertrain.state.speed > 0.05:
            return False
        cycle = self.cycle
        if isinstance(cycle, IdleCycle):
            return True
        if isinstance(cycle, RouteCycle):
            return not cycle.loop and self._route_s() >= cycle.total_m - 1.0
        return self.t >= cycle.duration

    def follow(self, route: Route) -> None:
        """Drive ``route`` from its start (navigation hands over its route; the car is already there)."""
        self._route_origin_m = self.powertrain.state.distance
        self.route = route
        self.cycle = route.drive_cycle()

    def _route_s(self) -> float:
        return self.powertrain.state.distance - self._route_origin_m

    def position(self) -> tuple[float, float, float]:
        return self.route.position(self._route_s())

    def range_km(self) -> float:
        """Displayed range: usable energy over the consumption of the WLTC-like mix (as cars display)."""
        consumption_wh_per_km = 150.0 + 2.0 * max(0.0, 15 - self.climate.state.outside_temp)
        return self.battery.remaining_energy_kwh() * 1000 / consumption_wh_per_km

    def fuel_range_km(self) -> float:
        if self.range_extender is None:
            return 0.0
        # ~6 L/100 km in charge-sustaining mode for a 2.5 t SUV.
        return self.range_extender.state.fuel_l / 6.0 * 100

    # -- time -----------------------------------------------------------------------------------------------
    def _target(self, t: float, dt: float) -> float:
        if isinstance(self.cycle, RouteCycle):
            # A driver following speed limits eases in and out of them rather than flooring it.
            v = self.powertrain.state.speed
            wanted = self.cycle.speed_at_distance(self._route_s())
            return min(max(wanted, v - ROUTE_DECEL * dt), v + ROUTE_ACCEL * dt)
        return self.cycle.target_speed(t)

    def step(self, dt: float) -> None:
        self.t += dt
        pt = self.powertrain
        moving_allowed = self.ready and not self.charging.plugged
        before = pt.state.distance
        state = pt.step(self._target(self.t, dt) if moving_allowed else 0.0, dt, ready=moving_allowed)
        km = (state.distance - before) / 1000
        self.odometer_km += km
        self.trip_km += km
        self.body.step(dt, self.speed_kmh)
        hvac_w = self.climate.step(dt)
        seats = self.body.state.seats.values()
        comfort_w = sum(SEAT_HEAT_W[s.heat] + SEAT_VENT_W[s.vent] + 25.0 * s.massage for s in seats)
        if self.body.state.steering_heat:
            comfort_w += STEERING_HEAT_W
        self.aux_power_w = self.params.vehicle.auxiliary_load_w + hvac_w + comfort_w
        generator_w = 0.0
        if self.range_extender is not None:
            generator_w = self.range_extender.step(self.battery.state.soc, dt)
        charge_w = self._charging_power()
        self.hv_power_w = state.electrical_power + self.aux_power_w - generator_w - charge_w
        pack = self.battery.step(self.hv_power_w, dt, ambient_c=self.climate.state.outside_temp)
        self._update_charging(pack.soc)
        self._update_chassis(dt)
        self.lv_voltage = 14.1 if self.ready or self.charging.state == "CHARGING" else 12.7
        self.faults.apply(self)

    def _charging_power(self) -> float:
        c = self.charging
        ac_input_lost = c.source == "AC" and self.faults.active("charger-input")
        if (
            not c.plugged
            or c.state in ("COMPLETE", "FAULT")
            or self.faults.active("charging-fault")
            or ac_input_lost
        ):
            c.power_w = 0.0
            return 0.0
        if c.stopped:
            c.power_w, c.state = 0.0, "CONNECTED"
            return 0.0
        soc = self.battery.state.soc
        if soc >= c.target_soc:
            c.power_w = 0.0
            return 0.0
        limit_kw = self._charge_limit_kw(soc)
        # The charger ramps up over ~10 s after the handshake.
        c.power_w += max(-50_000.0, min(20_000.0, limit_kw * 1000 - c.power_w)) * 0.1
        c.state = "CHARGING"
        return c.power_w

    def _charge_limit_kw(self, soc: float) -> float:
        p = self.params.battery
        if self.charging.source == "DC":
            return dc_power_limit(soc, p.max_dc_charge_kw)
        return ac_power_limit(soc, p.max_ac_charge_kw)

    def _update_charging(self, soc: float) -> None:
        c = self.charging
        if not c.plugged:
            c.state, c.power_w, c.voltage, c.current, c.minutes_to_target = "IDLE", 0.0, 0.0, 0.0, 0.0
            return
        if self.faults.active("charging-fault"):
            c.state = "FAULT"
        elif soc >= c.target_soc:
            c.state = "COMPLETE"
        if c.state in ("COMPLETE", "FAULT"):
            c.power_w = 0.0
        c.voltage = self.battery.state.voltage if c.power_w > 0 else 0.0
        c.current = c.power_w / c.voltage if c.voltage else 0.0
        c.minutes_to_target = self._minutes_to(c.target_soc) if c.state == "CHARGING" else 0.0

    def _minutes_to(self, target: float) -> float:
        """Integrate the charge curve from now to the target (what the car shows as time to full)."""
        p = self.params.battery
        soc, minutes = self.battery.state.soc, 0.0
        while soc < target:
            kw = max(self._charge_limit_kw(soc) - self.aux_power_w / 1000, 0.5)
            minutes += p.capacity_kwh * 0.01 / kw * 60
            soc += 1.0
        return minutes

    def _update_chassis(self, dt: float) -> None:
        v = self.powertrain.state.speed
        for w in self.tyre_kpa:
            # Tyres warm with speed (about +15 °C at motorway pace) and pressure follows temperature.
            warm = self.climate.state.outside_temp + 5 + 15 * min(1.0, v / 33)
            self.tyre_temp[w] += (warm - self.tyre_temp[w]) * min(1.0, dt / 300)
            self.tyre_kpa[w] = TYRE_COLD_KPA * (273.15 + self.tyre_temp[w]) / (273.15 + 20)
        if v > 1:
            # Steering follows the route's turns: a heading change over the last step, geared up.
            heading = self.position()[2]
            turn = (self._last_heading - heading + 180) % 360 - 180
            self._last_heading = heading
            self.steering_angle = max(-540.0, min(540.0, -turn / max(dt, 1e-3) * 2.0))
        else:
            self.steering_angle *= 0.9
