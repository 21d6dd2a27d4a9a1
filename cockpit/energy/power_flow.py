"""Where the power goes right now: the kW figures of the energy panel's power-flow picture.

A pure builder: the monitor reads the latest values from the state store and hands them here as kW, ``None``
where the vehicle does not report a flow (not mapped, or stale).

The balance on the high-voltage bus is ``battery + generator + charger = motor + climate + auxiliaries``, so
the auxiliaries are what is left over. The demo bus reports the motor's *shaft* power (MCU_Status
MotorPower), not what the inverter draws, so the rest also holds the drive units' own losses; it is
clamped at 0 because the inputs are quantised (motor in whole kW) and sampled at slightly different times.
"""

from __future__ import annotations

from dataclasses import dataclass

#: A flow counts as active (drawn as moving) above this magnitude, in kW.
ACTIVE_KW = 0.1


@dataclass(frozen=True, slots=True)
class PowerFlow:
    """kW figures; ``None`` where the vehicle does not report that flow."""

    battery_kw: float | None  # + = discharging, − = charging (plugged or regenerating)
    motor_kw: float | None  # + = driving, − = regenerating
    climate_kw: float | None  # HVAC (compressor and heaters)
    auxiliary_kw: float | None  # everything else: 12 V consumers, seat heating, drive-unit losses
    charger_kw: float | None  # delivered by the charger into the car
    generator_kw: float | None  # EREV range extender's electrical output
    battery_active: bool = False
    motor_active: bool = False
    climate_active: bool = False
    auxiliary_active: bool = False
    charger_active: bool = False
    generator_active: bool = False

    @property
    def is_regenerating(self) -> bool:
        return self.motor_kw is not None and self.motor_kw < -ACTIVE_KW

    @property
    def is_battery_charging(self) -> bool:
        """Energy is flowing into the pack (from the charger, the generator or regeneration)."""
        return self.battery_kw is not None and self.battery_kw < -ACTIVE_KW


def _active(kw: float | None) -> bool:
    return kw is not None and abs(kw) > ACTIVE_KW


def build_power_flow(
    battery_kw: float | None,
    motor_kw: float | None = None,
    climate_kw: float | None = None,
    charger_kw: float | None = None,
    generator_kw: float | None = None,
) -> PowerFlow:
    """Split the pack's power into its consumers; auxiliaries are the remainder, never below 0."""
    auxiliary_kw: float | None = None
    # Without the motor's figure the remainder would be mostly traction: better to show no auxiliary flow
    # than a wrong one. Climate, charger and generator that are not reported count as 0.
    if battery_kw is not None and motor_kw is not None:
        rest = battery_kw + (generator_kw or 0.0) + (charger_kw or 0.0) - motor_kw - (climate_kw or 0.0)
        auxiliary_kw = max(0.0, rest)
    return PowerFlow(
        battery_kw=battery_kw,
        motor_kw=motor_kw,
        climate_kw=climate_kw,
        auxiliary_kw=auxiliary_kw,
        charger_kw=charger_kw,
        generator_kw=generator_kw,
        battery_active=_active(battery_kw),
        motor_active=_active(motor_kw),
        climate_active=_active(climate_kw),
        auxiliary_active=_active(auxiliary_kw),
        charger_active=_active(charger_kw),
        generator_active=_active(generator_kw),
    )
