"""Steering-wheel media buttons: from the vehicle's two signals to one player action per press.

The bus carries the button pressed last and a 4-bit press counter. Decoding keeps only the latest frame
of a message, so the counter (not the button's level) says how many presses happened: each step of the
counter is one action. A jump of more than a few steps (a log starting mid-drive, a reconnect) is not
replayed: only the last press acts.
"""

from __future__ import annotations

from collections.abc import Callable

from .controller import MediaController

BUTTON = "Vehicle.SmartCockpit.Chassis.SteeringWheel.MediaButton"
PRESSES = "Vehicle.SmartCockpit.Chassis.SteeringWheel.MediaPressCount"
COUNTER_MODULO = 16
MAX_REPLAY = 3

ACTIONS: dict[str, Callable[[MediaController], object]] = {
    "NEXT": MediaController.next,
    "PREVIOUS": MediaController.previous,
    "VOLUME_UP": MediaController.louder,
    "VOLUME_DOWN": MediaController.quieter,
    "MUTE": MediaController.toggle_mute,
    "PLAY_PAUSE": MediaController.toggle_play,
}


class ButtonWatcher:
    def __init__(self, controller: MediaController) -> None:
        self.controller = controller
        self._count: int | None = None

    def update(self, button: object, count: object) -> list[str]:
        """Act on the presses since the last call; returns the buttons acted on (for logs and tests)."""
        if count is None:
            return []
        count = int(count)  # type: ignore[call-overload]
        if self._count is None:  # the first value seen is the state the car was in, not a press
            self._count = count
            return []
        steps = (count - self._count) % COUNTER_MODULO
        self._count = count
        action = ACTIONS.get(str(button))
        if steps == 0 or action is None:
            return []
        times = steps if steps <= MAX_REPLAY else 1
        for _ in range(times):
            action(self.controller)
        return [str(button)] * times
