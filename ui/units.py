"""Metric or imperial display of the store's metric values."""

from __future__ import annotations

from dataclasses import dataclass

KM_PER_MILE = 1.609344


@dataclass(frozen=True)
class Units:
    system: str = "metric"

    @property
    def imperial(self) -> bool:
        return self.system == "imperial"

    def speed(self, kmh: float) -> tuple[float, str]:
        return (kmh / KM_PER_MILE, "mph") if self.imperial else (kmh, "km/h")

    def distance(self, km: float) -> tuple[float, str]:
        return (km / KM_PER_MILE, "mi") if self.imperial else (km, "km")

    def temperature(self, celsius: float) -> tuple[float, str]:
        return (celsius * 9 / 5 + 32, "°F") if self.imperial else (celsius, "°C")

    def consumption(self, wh_per_km: float) -> tuple[float, str]:
        return (wh_per_km * KM_PER_MILE, "Wh/mi") if self.imperial else (wh_per_km, "Wh/km")

    def pressure(self, kpa: float) -> tuple[float, str]:
        return (kpa * 0.145038, "psi") if self.imperial else (kpa / 100, "bar")
