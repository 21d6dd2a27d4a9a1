"""Why a command is refused before anything is sent."""

from __future__ import annotations

from vehicle_bus.errors import InputError


class CommandError(InputError):
    """A command that cannot be sent: unknown function or instance, a value out of range, a function the
    vehicle profile cannot transmit, or a relative change with nothing to start from."""
