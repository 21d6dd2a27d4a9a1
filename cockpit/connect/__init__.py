"""The connected car: MQTT 5 telemetry with an on-disk queue, Home Assistant discovery, signed remote
commands through the command layer, and a fleet simulator and watcher (docs/mqtt.md). No Qt."""

from .service import ConnectOptions, ConnectService, run_headless

__all__ = ["ConnectOptions", "ConnectService", "run_headless"]
