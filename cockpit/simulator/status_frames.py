"""What each simulated ECU puts in its status messages: DBC signal values from the car's state.

One function per message of the demo vehicle's DBC, by message name; the values are physical (scaled)
values or value-table names, and cantools encodes them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .body import SEATS, WINDOWS
from .vehicle import SimulatedVehicle

Values = dict[str, Any]
GEAR_NAMES = {"P": "P", "R": "R", "N": "N", "D": "D"}


def _on(flag: bool) -> int:
    return 1 if flag else 0


def vcu_drive_status(car: SimulatedVehicle) -> Values:
    pt = car.powertrain.state
    return {
        "VehicleSpeed": car.speed_kmh,
        "GearSelected": GEAR_NAMES[car.gear],
        "DriveMode": car.drive_mode,
        "RegenLevel": car.regen_level,
        "ReadyState": _on(car.ready),
        "AccelPedalPos": pt.accel_pedal,
        "BrakePedalPos": pt.brake_pedal,
        "BrakePressed": _on(pt.brake_pedal > 2),
    }


def mcu_status(car: SimulatedVehicle) -> Values:
    pt = car.powertrain.state
    motor_temp = 40 + 30 * min(1.0, abs(pt.motor_power) / (car.params.vehicle.max_motor_power_kw * 1000))
    return {
        "MotorSpeed": pt.motor_rpm,
        "MotorTorque": pt.motor_torque,
        "MotorPower": pt.motor_power / 1000,
        "MotorTemp": motor_temp,
        "InverterTemp": motor_temp - 8,
    }


def bms_pack_status(car: SimulatedVehicle) -> Values:
    b = car.battery.state
    return {"PackVoltage": b.voltage, "PackCurrent": b.current, "PackPower": b.power / 1000}


def bms_soc(car: SimulatedVehicle) -> Values:
    b = car.battery
    return {
        "SocDisplayed": b.state.soc,
        # The BMS keeps a few percent hidden at both ends; the driver sees 0–100 of the usable window.
        "SocActual": 3 + b.state.soc * 0.94,
        "SoH": b.p.state_of_health,
        "RemainingEnergy": b.remaining_energy_kwh(),
        "DisplayedRange": car.range_km(),
    }


def bms_temperatures(car: SimulatedVehicle) -> Values:
    t = car.battery.state.temperature
    return {"PackTempMin": t - 1.5, "PackTempMax": t + 1.5, "PackTempAvg": t, "CoolantTemp": t - 3}


def bms_cell_voltages(car: SimulatedVehicle) -> Values:
    low, high = car.battery.cell_voltages()
    return {
        "CellVoltMin": low,
        "CellVoltMax": high,
        "CellMinIndex": 37,
        "CellMaxIndex": 112,
        "MaxChargePower": min(car.params.battery.max_dc_charge_kw, car.battery.max_discharge_w() / 1000),
        "MaxDischargePower": car.battery.max_discharge_w() / 1000,
    }


def obc_charge_status(car: SimulatedVehicle) -> Values:
    c = car.charging
    plug_type = {"NONE": "NONE", "AC": "GBT_AC", "DC": "GBT_DC"}[c.source]
    return {
        "ChargeState": c.state,
        "ChargeSource": c.source,
        "PlugConnected": _on(c.plugged),
        "PlugType": plug_type,
        "ChargePower": c.power_w / 1000,
        "ChargeVoltage": c.voltage,
        "ChargeCurrent": c.current,
        "TargetSoc": c.target_soc,
        "TimeToTarget": c.minutes_to_target,
        "ChargePortOpen": _on(car.body.state.charge_port_open),
        "ChargePortLocked": _on(car.body.state.charge_port_locked),
    }


def dcdc_low_voltage(car: SimulatedVehicle) -> Values:
    charging = car.lv_voltage > 13.5
    return {
        "LvBatteryVoltage": car.lv_voltage,
        "LvBatteryCurrent": 8.0 if charging else -3.0,
        "DcdcPower": car.aux_power_w * 0.25 if charging else 0.0,
    }


def esp_wheel_speeds(car: SimulatedVehicle) -> Values:
    v = car.speed_kmh
    pt = car.powertrain.state
    # A curve makes the outer wheels run faster; the sign of the steering angle says which side.
    d = min(abs(car.steering_angle) / 540, 1.0) * 0.03 * v
    left, right = (v + d, v - d) if car.steering_angle < 0 else (v - d, v + d)
    lateral = (v / 3.6) ** 2 * math.radians(car.steering_angle / 15) / 2.9 if v > 1 else 0.0
    return {
        "WheelSpeedFL": left,
        "WheelSpeedFR": right,
        "WheelSpeedRL": left,
        "WheelSpeedRR": right,
        "LongAccel": pt.accel,
        "LatAccel": max(-9.0, min(9.0, lateral)),
    }


def eps_steering(car: SimulatedVehicle) -> Values:
    return {"SteeringAngle": car.steering_angle, "SteeringWheelHeat": _on(car.body.state.steering_heat)}


def eps_media_buttons(car: SimulatedVehicle) -> Values:
    state = car.body.state
    return {"MediaButton": state.media_button, "MediaPressCount": state.media_presses % 16}


def ic_odometer(car: SimulatedVehicle) -> Values:
    return {"Odometer": car.odometer_km, "TripA": car.trip_km}


def env_temperatures(car: SimulatedVehicle) -> Values:
    c = car.climate.state
    return {"OutsideTemp": c.outside_temp, "CabinTemp": c.cabin_temp}


def hvac_status(car: SimulatedVehicle) -> Values:
    c = car.climate.state
    return {
        "DriverTempSet": c.driver_set,
        "PassengerTempSet": c.passenger_set,
        "FanLevel": c.fan_level,
        "AcOn": _on(c.ac_on),
        "AutoOn": _on(c.auto_on),
        "RecircOn": _on(c.recirc_on),
        "FrontDefrostOn": _on(c.front_defrost_on),
        "RearDefrostOn": _on(c.rear_defrost_on),
        "AirDistribution": c.air_distribution,
        "SyncOn": _on(c.sync_on),
        "HvacPower": c.hvac_power_w / 1000,
    }


def seat_values(car: SimulatedVehicle, seats: tuple[str, ...]) -> Values:
    values: Values = {}
    for seat in seats:
        s = car.body.state.seats[seat]
        values.update(
            {
                f"{seat}Heat": s.heat,
                f"{seat}Vent": s.vent,
                f"{seat}Massage": _on(s.massage),
                f"{seat}MassageProgram": s.program,
                f"{seat}MassageIntensity": s.intensity,
            }
        )
    return values


def bcm_windows(car: SimulatedVehicle) -> Values:
    b = car.body.state
    values: Values = {f"WindowPos{w}": b.window_pos[w] for w in WINDOWS}
    values.update({f"PinchFault{w}": _on(b.pinch_fault[w]) for w in WINDOWS})
    values.update(
        {"SunroofPos": b.sunroof_pos, "SunshadePos": b.sunshade_pos, "ChildLockRear": _on(b.child_lock_rear)}
    )
    return values


def bcm_doors(car: SimulatedVehicle) -> Values:
    b = car.body.state
    values: Values = {f"DoorOpen{w}": _on(b.doors_open[w]) for w in WINDOWS}
    values.update(
        {
            "TrunkOpen": _on(b.trunk_pos > 0),
            "FrunkOpen": _on(b.frunk_open),
            "TrunkPos": b.trunk_pos,
            "CentralLocked": _on(b.central_locked),
            "HoodOpen": _on(b.hood_open),
        }
    )
    return values


def bcm_lights(car: SimulatedVehicle) -> Values:
    b = car.body.state
    local_hour = ((car.wall_epoch + car.t) / 3600 + 8) % 24  # the demo car lives in UTC+8
    dark = local_hour < 6 or local_hour >= 18
    low = b.headlight_mode == "LOW" or (b.headlight_mode == "AUTO" and dark)
    blink = int(car.t * 1.5) % 2 == 0
    return {
        "HeadlightMode": b.headlight_mode,
        "LowBeamOn": _on(low),
        "HighBeamOn": _on(b.high_beam and low),
        "FogFrontOn": _on(b.fog_front),
        "FogRearOn": _on(b.fog_rear),
        "TurnLeftOn": _on(b.hazard and blink),
        "TurnRightOn": _on(b.hazard and blink),
        "HazardOn": _on(b.hazard),
        "BrakeLightOn": _on(car.powertrain.state.brake_pedal > 2),
        "AmbientR": b.ambient_rgb[0],
        "AmbientG": b.ambient_rgb[1],
        "AmbientB": b.ambient_rgb[2],
        "AmbientBrightness": b.ambient_brightness,
        "AmbientOn": _on(b.ambient_on),
    }


def bcm_request_refusal(car: SimulatedVehicle) -> Values:
    refusal, sequence = car.body.next_refusal_report()
    if refusal is None:
        return {"RefusedRequest": "NONE", "RefusalReason": "NONE", "RefusalSequence": 0}
    return {"RefusedRequest": refusal.request, "RefusalReason": refusal.reason, "RefusalSequence": sequence}


def tpms_status(car: SimulatedVehicle) -> Values:
    values: Values = {}
    for w in WINDOWS:
        values[f"TirePress{w}"] = car.tyre_kpa[w]
        values[f"TireTemp{w}"] = car.tyre_temp[w]
        values[f"TireLow{w}"] = _on(car.tyre_kpa[w] < 200)
    return values


def gnss_position(car: SimulatedVehicle) -> Values:
    lat, lon, _ = car.position()
    return {"Latitude": lat, "Longitude": lon}


def gnss_motion(car: SimulatedVehicle) -> Values:
    _, _, heading = car.position()
    return {
        "Heading": heading,
        "Altitude": car.route.altitude_m,
        "GnssSpeed": car.speed_kmh,
        "FixType": "FIX_3D",
        "Satellites": 14,
    }


def ic_warnings(car: SimulatedVehicle) -> Values:
    f = car.faults
    return {
        "WarnPowertrain": 0,
        "WarnBattery": _on(f.active("cell-imbalance") or car.battery.state.temperature > 55),
        "WarnLowSoc": _on(car.battery.state.soc < 10),
        "WarnTirePressure": _on(any(v < 200 for v in car.tyre_kpa.values())),
        "WarnLowVoltageBattery": _on(car.lv_voltage < 11.8),
        "WarnHvIsolation": _on(f.active("hv-isolation")),
        "WarnCharging": _on(car.charging.state == "FAULT" or f.active("charging-fault")),
        "WarnBrake": 0,
        "WarnAirbag": 0,
        "WarnSeatbelt": 0,
        "WarnSensor": _on(f.active("sensor-lost")),
    }


def rcu_status(car: SimulatedVehicle) -> Values:
    r = car.range_extender
    if r is None:
        return {}
    s = r.state
    return {
        "GeneratorPower": s.power_w / 1000,
        "GeneratorSpeed": s.rpm,
        "EngineRunning": _on(s.running),
        "EngineCoolantTemp": s.coolant_temp,
        "RexMode": s.mode,
    }


def rcu_fuel(car: SimulatedVehicle) -> Values:
    r = car.range_extender
    if r is None:
        return {}
    level = r.state.fuel_l / r.p.fuel_tank_l * 100 if r.p.fuel_tank_l else 0.0
    return {
        "FuelLevel": level,
        "FuelRemaining": r.state.fuel_l,
        "FuelRange": car.fuel_range_km(),
        "FuelLow": _on(level < 12),
    }


# Each producer fills the signals of one ECU; a message takes its signals by name from whichever producer
# has them, so the DBC may group signals into messages as it likes.
PRODUCERS: tuple[Callable[[SimulatedVehicle], Values], ...] = (
    vcu_drive_status,
    mcu_status,
    bms_pack_status,
    bms_soc,
    bms_temperatures,
    bms_cell_voltages,
    obc_charge_status,
    dcdc_low_voltage,
    esp_wheel_speeds,
    eps_steering,
    eps_media_buttons,
    ic_odometer,
    env_temperatures,
    hvac_status,
    lambda car: seat_values(car, SEATS),
    bcm_windows,
    bcm_doors,
    bcm_lights,
    bcm_request_refusal,
    tpms_status,
    gnss_position,
    gnss_motion,
    ic_warnings,
    rcu_status,
    rcu_fuel,
)
