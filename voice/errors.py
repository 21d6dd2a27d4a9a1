"""The voice package's one error type: bad input a user can fix, reported as one line.

It is an :class:`vehicle_bus.errors.InputError` (a dependency-free module) so the CLI prints it the same way
as every other bad input: ``cockpit: <what>. <fix>`` and exit status 2.
"""

from __future__ import annotations

from vehicle_bus.errors import InputError


class VoiceError(InputError):
    """A missing or corrupt model, an unreadable WAV or intents file, no microphone."""
