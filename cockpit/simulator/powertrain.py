"""Longitudinal dynamics: what the motor, the brakes and the road do to the car's speed.

Backward-facing with limits: the driver asks for the speed the cycle wants one step ahead; the force that
needs (inertia, aerodynamic drag, rolling resistance) is clipped by what the motor can give (torque below
base speed, power above it, tyre grip) and, when slowing, split into regenerative braking up to the
regen power limit and friction brakes for the rest.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .params import VehicleParams

AIR_DENSITY = 1.2
G = 9.81
# Rotating parts (wheels, rotor, gears) add to the mass the motor accelerates.
ROTATING_MASS_FACTOR = 1.05
DRIVER_MASS_KG = 75.0


@dataclass
class PowertrainState:
    speed: float = 0.0  # m/s
    accel: float = 0.0  # m/s²
    distance: float = 0.0  # m
    motor_torque: float = 0.0  # Nm, positive drives
    motor_rpm: float = 0.0
    motor_power: float = 0.0  # W mechanical at the motor shaft, positive drives
    electrical_power: float = 0.0  # W drawn from the HV bus by the inverter (negative when regenerating)
    friction_brake_power: float = 0.0  # W dissipated by the friction brakes
    accel_pedal: float = 0.0  # %
    brake_pedal: float = 0.0  # %


class Powertrain:
    def __init__(self, params: VehicleParams) -> None:
        self.p = params
        self.mass = params.mass_kg + DRIVER_MASS_KG
        self.state = PowertrainState()
        self.regen_scale = 1.0  # the driver's regeneration level, 0..1 of the regen limit
        self.power_scale = 1.0  # drive mode: eco limits power

    def resistance(self, v: float) -> float:
        p = self.p
        rolling = p.rolling_resistance * self.mass * G if v > 0.01 else 0.0
        return 0.5 * AIR_DENSITY * p.drag_coefficient * p.frontal_area_m2 * v * v + rolling

    def step(self, target_speed: float, dt: float, ready: bool = True) -> PowertrainState:
        p, s = self.p, self.state
        v = s.speed
        m_eff = self.mass * ROTATING_MASS_FACTOR
        wanted_accel = (target_speed - v) / dt if ready else -v / dt
        force = m_eff * wanted_accel + self.resistance(v)
        wheel_to_motor = p.gear_ratio / p.wheel_radius_m
        grip = p.tyre_road_friction * self.mass * G
        max_power = p.max_motor_power_kw * 1000 * self.power_scale
        drive_limit = (
            min(p.max_motor_torque_nm * wheel_to_motor, max_power / max(v, 0.1), grip) if ready else 0.0
        )
        regen_limit = min(
            p.max_motor_torque_nm * wheel_to_motor,
            p.max_regen_power_kw * 1000 * self.regen_scale / max(v, 0.1),
        )
        if force >= 0:
            traction = min(force, drive_limit)
            friction = 0.0
        else:
            # Regen fades out at walking pace (as real cars do); friction brakes take over.
            fade = min(1.0, v / 2.0)
            traction = -min(-force, regen_limit * fade)
            friction = min(-force - (-traction), grip)
        net = traction - friction - self.resistance(v) if v > 0 or traction > 0 else max(traction, 0.0)
        accel = net / m_eff
        new_v = max(0.0, v + accel * dt)
        if new_v == 0.0 and v == 0.0:
            accel = 0.0
        s.distance += (v + new_v) / 2 * dt
        s.accel = (new_v - v) / dt
        s.speed = new_v
        s.motor_torque = traction / wheel_to_motor
        s.motor_rpm = new_v / p.wheel_radius_m * p.gear_ratio * 60 / (2 * math.pi)
        s.motor_power = traction * new_v
        eff = p.drivetrain_efficiency
        s.electrical_power = s.motor_power / eff if s.motor_power >= 0 else s.motor_power * eff
        s.friction_brake_power = friction * new_v
        s.accel_pedal = (
            min(100.0, 100.0 * traction / drive_limit) if traction > 0 and drive_limit > 0 else 0.0
        )
        s.brake_pedal = (
            min(100.0, 100.0 * (friction - traction) / grip) if traction < 0 or friction > 0 else 0.0
        )
        return s
