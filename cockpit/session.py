"""One running head unit, without Qt: a vehicle, a CAN source, the pipeline into the state store, transmit.

The source is, in order: a log (``--replay``), a live bus (``--can``, or python-can's own configuration),
or, when nothing is given, the simulated demo vehicle running in-process on a python-can ``virtual`` bus
(the same ECUs ``cockpit sim`` plays), so the head unit always has a living car to show.

A live bus is watched on a thread of its own: one that cannot be opened at start (a service started before
``can0`` exists) or that fails while running is retried with backoff and picked up as soon as it opens. A
bus that goes quiet for ``no_data_s`` is "no data". :meth:`Session.source_state` says all of it in one
Qt-free value (:mod:`cockpit.source_state`) that the window draws as its status and banner.
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import can

from vehicle_bus.dbc import FrameDecoder, frame_decoder
from vehicle_bus.diagnostics.tester import Tester
from vehicle_bus.errors import BusOpenError, InputError
from vehicle_bus.frame_cache import BusCounters, FrameEntry
from vehicle_bus.pipeline import Pipeline
from vehicle_bus.recorder import Recorder
from vehicle_bus.sources.live import configured_interface, open_bus, spec_label
from vehicle_bus.sources.logfile import LogFile
from vehicle_bus.sources.replay import Replay, build_index
from vehicle_bus.transmit import ActuatorTransmitter

from .commands import CommandLayer
from .energy import EnergyMonitor
from .index_progress import Progress, expected_frames, tracked
from .ota.content import InstalledContent
from .simulator.diagnostics.network import CATALOG, DESCRIPTION
from .simulator.faults import Faults
from .simulator.runner import SimulationRunner
from .simulator.setup import build_simulation
from .source_state import NO_DATA_S, FrameWatch, SourceKind, SourceState, SourceStateName
from .state_store import StateStore
from .vehicle_data import VehicleData, load_vehicle_data

if TYPE_CHECKING:
    from .media.controller import MediaController

# A live bus that is not open is retried after RETRY_FIRST_S, doubling up to RECONNECT_S: a device that
# appears is picked up within RECONNECT_S, and a missing one costs a try every RECONNECT_S.
RETRY_FIRST_S = 0.1
RECONNECT_S = 1.0
WATCH_S = 0.25  # how often an open bus is checked for failure


@dataclass
class SessionOptions:
    vehicle: str | None = None
    dbc: tuple[str, ...] = ()
    mapping: tuple[str, ...] = ()
    can: str | None = None
    bitrate: int | None = None
    replay: str | None = None
    speed: float = 1.0
    loop: bool = False
    channel: object | None = None
    cycle: str = "route"
    faults: tuple[str, ...] = ()
    charge: str | None = None  # simulator: start parked on an "ac" or "dc" charger
    use_can_config: bool = True
    history_hz: float = 20.0  # per-signal history for plots (the pi runtime profile keeps less)
    map: str | None = None  # navigation: .osm.pbf or map cache; None = the built-in town
    destination: str | None = None  # navigation: guide there once the map is loaded
    music: str | None = None  # media: the music folder; None = the user's music folder
    silent: bool = False  # media: play to no sound device (screenshots, CI): shown as playing, not heard
    no_data_s: float = NO_DATA_S  # a bus without a frame for this long shows "no data from the car"


class Session:
    """Owns the vehicle data, the store, the pipeline and the source. Call :meth:`tick` from the UI."""

    def __init__(self, options: SessionOptions) -> None:
        self.options = options
        # Content installed over the air: its A/B health check runs before anything reads it (a failed
        # update is rolled back here), then profiles, the map and voice models resolve through this slot.
        self.content, self.content_notice = InstalledContent.at_start()
        self.vehicle: VehicleData = load_vehicle_data(options.vehicle, options.dbc, options.mapping)
        self.store = StateStore(units=self.vehicle.units(), history_hz=options.history_hz)
        profile = self.vehicle.profile
        # The trip computer belongs to the car, not to a screen: it integrates on every tick.
        self.energy = EnergyMonitor(self.store, profile.battery_capacity_kwh if profile else None)
        self.pipeline = Pipeline(self.vehicle.decoder(), self._sink)
        self.kind: SourceKind = "simulator"
        self.state: SourceStateName = "connecting"
        self._frame_watch = FrameWatch(options.no_data_s)
        self.label = ""
        self.problem: str | None = None
        # Every time a live bus went away, with the line shown then: a reconnect can be quicker than one
        # screen refresh, and the drop must still be on record (logs, tests). The latest 50: a car that drops
        # its bus every few minutes for days must not grow the head unit's memory.
        self.bus_drops: deque[str] = deque(maxlen=50)
        self.transmitter: ActuatorTransmitter | None = None
        self.simulator: SimulationRunner | None = None
        self._sim_bus: can.BusABC | None = None
        self._spec: str | None = None
        self._bitrate: int | None = None
        self._watch: threading.Thread | None = None
        self._closing = threading.Event()
        self._start_lock = threading.Lock()  # a replay indexed on a thread starts only if not closing
        self._frames_seen = 0
        self._rate_at = (time.monotonic(), 0)
        self.frames_per_second = 0.0
        self.log: LogFile | None = None
        self.sim_channel: str | None = None  # the virtual bus the in-process simulator uses
        self.loading: str | None = None  # what is being read before the source can start (a long log)
        self.on_loading: Callable[[Progress], None] | None = (
            None  # the same, for a terminal (on the reader thread)
        )
        self._loader: threading.Thread | None = None
        self._retransmit: can.BusABC | None = None
        self._frame_decoders: dict[int, FrameDecoder | None] = {}
        self._tester: Tester | None = None
        self._media: MediaController | None = None
        self._tester_lock = threading.Lock()
        self._commands: CommandLayer | None = None
        self.connect = None  # cockpit.connect.ConnectService with --mqtt: ticked where the commands are
        self.companion = None  # cockpit.companion.CompanionService (--companion): ticked with the commands

    @property
    def commands(self) -> CommandLayer:
        """The one command layer of this session: touch, voice and scripts share its requests in flight."""
        if self._commands is None:
            self._commands = CommandLayer(self)
        return self._commands

    # -- start ----------------------------------------------------------------------------------------------
    def start(self) -> None:
        """Open the source; bad input raises :class:`InputError` (the caller decides how to show it)."""
        o = self.options
        if o.replay:
            self._start_replay(o.replay)
        elif o.can or (o.use_can_config and configured_interface() is not None):
            self._start_live(o.can)
        else:
            self._start_simulator()

    def _start_simulator(self) -> None:
        # Unique per session (virtual buses are process-wide); no trailing digits, which log writers such
        # as BLF's would read as a channel number.
        channel = self.sim_channel = f"cockpit-{uuid.uuid4().hex[:8]}-sim"
        profile = self.vehicle.profile
        sim = build_simulation(
            profile.name if profile else None,
            self.options.cycle,
            faults=self.options.faults,
            charge=self.options.charge,
            # The simulator's ECUs encode with the same database the head unit decodes with: parse it once.
            db=self.vehicle.database.db if profile is not None else None,
        )
        self._sim_bus = can.Bus(interface="virtual", channel=channel)
        self.simulator = SimulationRunner(sim.network, bus=self._sim_bus)
        bus = can.Bus(interface="virtual", channel=channel)
        self.pipeline.attach_bus(bus)
        self.transmitter = ActuatorTransmitter(self.vehicle.bound, bus, profile=self.vehicle.name)
        self.simulator.start()
        self.kind, self.label, self.state = "simulator", f"simulated {sim.profile.name}", "live"

    def _start_live(self, spec: str | None) -> None:
        """Open the bus, or, when it cannot be opened yet, wait for it: the watch thread retries."""
        bitrate = self.options.bitrate or (self.vehicle.profile.bitrate if self.vehicle.profile else None)
        self._spec, self._bitrate = spec, bitrate
        self.kind = "live"
        self.label = spec_label(spec)
        self.transmitter = ActuatorTransmitter(self.vehicle.bound, None, profile=self.vehicle.name)
        try:
            self._attach_live(open_bus(spec, bitrate))
        except BusOpenError as exc:
            if not exc.transient:  # an unknown interface or a missing driver: waiting would not help
                raise
            self.state, self.problem = "waiting", f"{exc.line()} (retrying)"
        self._watch = threading.Thread(target=self._watch_bus, name="cockpit-bus-watch", daemon=True)
        self._watch.start()

    def _attach_live(self, bus: can.BusABC) -> None:
        self.pipeline.attach_bus(bus)
        if self.transmitter is not None:
            self.transmitter.bus = bus
        self._frame_watch.restart()
        self.problem, self.state = None, "live"

    def _start_replay(self, path: str) -> None:
        """Open the log now (bad files fail here, at once); read it into the replay index on a thread.

        Indexing a long log takes seconds; the window is up meanwhile and shows ``loading``.
        """
        self.log = LogFile(path)
        self.kind, self.label = "replay", Path(path).name
        if self.options.can:
            # --replay with --can plays the log onto that bus too, as can.player does.
            bitrate = self.options.bitrate or (self.vehicle.profile.bitrate if self.vehicle.profile else None)
            self._retransmit = open_bus(self.options.can, bitrate)
            self.label += f" → {self.options.can}"
        channel = self.options.channel
        if channel is None and self.vehicle.profile is not None:
            channel = self.vehicle.profile.log_channel
        self.loading = f"reading {self.label}…"
        self._loader = threading.Thread(
            target=self._index_log, args=(self.log, channel), name="cockpit-log-index", daemon=True
        )
        self._loader.start()

    def _index_log(self, log: LogFile, channel: object | None) -> None:
        def progress(state: Progress) -> None:
            self.loading = state.text(self.label)
            if self.on_loading is not None:
                self.on_loading(state)

        try:
            index, channels = build_index(tracked(log, expected_frames(log.path), progress), channel=channel)
        except Exception as exc:
            self.loading, self.problem = None, f"{log.path}: cannot read the log: {exc}"
            return
        if not len(index):
            on = (
                f" on channel {channel} (the log has {', '.join(map(str, channels))})"
                if channel is not None
                else ""
            )
            self.loading, self.problem = None, f"{log.path}: no frames to replay{on}"
            return
        if log.report.summary():
            self.problem = log.report.summary()
        replay = Replay(index, speed=self.options.speed, loop=self.options.loop, retransmit=self._retransmit)
        self.pipeline.attach_replay(replay)
        with self._start_lock:
            if not self._closing.is_set():
                self._frame_watch.restart()  # silence counts from the start of play, not of indexing
                replay.start()
        self.loading = None

    def wait_until_loaded(self, timeout: float = 60.0) -> bool:
        """Block until a replay's log is indexed (for headless use and tests); True if it is ready."""
        if self._loader is not None:
            self._loader.join(timeout)
        return self.replay is not None

    # -- running --------------------------------------------------------------------------------------------
    def _sink(self, path: str, value: object, t: float) -> None:
        self.store.update(path, value, t, self.kind)

    def tick(self) -> int:
        """Decode what changed since the last tick (call at the UI rate); returns values updated."""
        emitted = self.pipeline.tick()
        self.energy.update()
        now = time.monotonic()
        frames = self.pipeline.cache.counters.frames
        since, count = self._rate_at
        if now - since >= 1.0:
            self.frames_per_second = (frames - count) / (now - since)
            self._rate_at = (now, frames)
        self._frame_watch.sample(frames, now)
        if self.kind == "live" and self.state == "live" and frames > self._frames_seen:
            self.problem = None  # frames flow on the reopened bus
        self._frames_seen = frames
        return emitted

    def source_state(self) -> SourceState:
        """Kind, state, name and age of the last frame of the source, for the status bar and banner."""
        age = self._frame_watch.age()
        state: SourceStateName = self.state
        if self.loading:
            state = "connecting"
        elif state == "connecting":
            state = "live" if self.pipeline.bus is not None or self.replay is not None else state
        if state == "live" and self._silence_matters() and self._frame_watch.silent():
            state = "no data"
        name = self.vehicle.name if self.kind == "simulator" else self.label
        return SourceState(self.kind, state, name, age, self.problem)

    def _silence_matters(self) -> bool:
        # A paused or finished replay is quiet on purpose.
        return self.replay is None or self.replay.state == "playing"

    def _watch_bus(self) -> None:
        """Open a live bus that is not open yet or went away (adapter unplugged, interface down)."""
        delay = RETRY_FIRST_S
        while not self._closing.is_set():
            bus = self.pipeline.bus
            if bus is not None and not (
                getattr(bus, "state", None) == can.BusState.ERROR or self._notifier_died()
            ):
                delay = RETRY_FIRST_S
                self._closing.wait(WATCH_S)
                continue
            if bus is not None:
                self.state = "disconnected"
                self.problem = f"CAN bus {self.label} stopped; reconnecting"
                self.bus_drops.append(self.problem)
                if self.transmitter is not None:
                    self.transmitter.bus = None
                self.pipeline.detach_bus()
                self._drop_tester()
            try:
                new_bus = open_bus(self._spec, self._bitrate)
            except BusOpenError as exc:
                stopped = "" if self.state == "waiting" else f"CAN bus {self.label} stopped; "
                self.problem = f"{stopped}{exc.line()} (retrying)"
                self._closing.wait(delay)
                delay = min(delay * 2, RECONNECT_S)
                continue
            with self._start_lock:
                if self._closing.is_set():
                    new_bus.shutdown()
                    return
                self._attach_live(new_bus)

    def _drop_tester(self) -> None:
        """The diagnostic tester's own connection went down with the bus: close it; the next request opens
        a new one. (Left open, its reader thread has died, and a bus nobody reads keeps queueing frames.)"""
        with self._tester_lock:
            tester, self._tester = self._tester, None
        if tester is not None:
            tester.close()

    def _notifier_died(self) -> bool:
        notifier = self.pipeline.notifier
        return notifier is not None and notifier.exception is not None

    # -- raw frames (CAN monitor) ---------------------------------------------------------------------------
    def frames(self) -> list[FrameEntry]:
        """The newest frame of every id seen, with counts (copies, safe on the UI thread)."""
        return self.pipeline.cache.snapshot()

    def frames_changed(self, consumer: str) -> list[FrameEntry]:
        """Entries with a new frame since ``consumer`` last asked (all of them the first time)."""
        return self.pipeline.cache.take_changed(consumer)

    def counters(self) -> BusCounters:
        return self.pipeline.cache.counters_snapshot()

    def message_name(self, arbitration_id: int) -> str | None:
        try:
            return self.vehicle.database.db.get_message_by_frame_id(arbitration_id).name
        except KeyError:
            return None

    def signal_units(self, arbitration_id: int) -> dict[str, str]:
        """Signal name → unit of the DBC message with this id (empty for an unknown id)."""
        try:
            message = self.vehicle.database.db.get_message_by_frame_id(arbitration_id)
        except KeyError:
            return {}
        return {signal.name: signal.unit or "" for signal in message.signals}

    def decode_frame(self, arbitration_id: int, data: bytes) -> dict[str, object] | None:
        """Every DBC signal of one frame (None for an id the database does not know, or bad data)."""
        if arbitration_id not in self._frame_decoders:
            try:
                message = self.vehicle.database.db.get_message_by_frame_id(arbitration_id)
                self._frame_decoders[arbitration_id] = frame_decoder(message)
            except KeyError:
                self._frame_decoders[arbitration_id] = None
        decode = self._frame_decoders[arbitration_id]
        if decode is None:
            return None
        try:
            return decode(data)
        except Exception:  # cantools' decode errors: a frame that does not fit its message
            return None

    def drive_route(
        self, points: list[tuple[float, float]], limits_kmh: list[float], loop: bool = False
    ) -> bool:
        """Hand a route to the in-process simulated car, which drives it; False when there is none."""
        if self.simulator is None:
            return False
        from .simulator.route import Route

        self.simulator.car.follow(Route(points, limits_kmh, loop=loop))
        return True

    def start_recording(self, path: str | Path) -> Recorder:
        recorder = Recorder(path)
        self.pipeline.start_recording(recorder)
        return recorder

    def stop_recording(self) -> Recorder | None:
        return self.pipeline.stop_recording()

    @property
    def replay(self) -> Replay | None:
        return self.pipeline.replay

    def bus_load(self, bitrate: int | None = None) -> float:
        """Share of the bus's capacity in use, from frames/s (≈ 125 bits per classic 8-byte frame)."""
        rate = bitrate or (self.vehicle.profile.bitrate if self.vehicle.profile else 500_000)
        return min(1.0, self.frames_per_second * 125 / rate) if rate else math.nan

    # -- diagnostics ----------------------------------------------------------------------------------------
    def diagnostics(self) -> Tester:
        """The diagnostic tester (UDS, OBD-II) on a bus connection of its own, opened on first use.

        Blocks while it opens a bus: call it off the UI thread, as every diagnostic request.
        """
        with self._tester_lock:
            if self._tester is None:
                if self.kind == "simulator" and self.sim_channel:
                    bus = can.Bus(interface="virtual", channel=self.sim_channel)
                elif self.kind == "live":
                    bus = open_bus(self._spec, self._bitrate)
                else:
                    raise InputError(
                        "diagnostics need a CAN bus with ECUs on it; a log replay has none",
                        fix="Run the simulator (no --replay) or give --can",
                    )
                self._tester = Tester(bus, DESCRIPTION, CATALOG)
            return self._tester

    @property
    def faults(self) -> Faults | None:
        """The in-process simulator's faults (inject and repair at run time); None on a real bus."""
        return self.simulator.car.faults if self.simulator is not None else None

    @property
    def media(self) -> MediaController:
        """The media player of this head unit, made on first use. It belongs to the session, not to a
        window, so the music plays on when the window is rebuilt for day or night; closed with the session."""
        if self._media is None:
            from .media.controller import MediaController  # the tag library loads only for the player
            from .media.player import SilentOutput

            self._media = MediaController(output=SilentOutput if self.options.silent else None)
        return self._media

    def close(self) -> None:
        if self._media is not None:
            self._media.close()
        with self._start_lock:
            self._closing.set()
        if self._watch is not None:
            self._watch.join(timeout=2 * RECONNECT_S)
        if self._tester is not None:
            self._tester.close()
        if self.simulator is not None:
            self.simulator.stop()
        self.pipeline.close()
        if self.pipeline.bus is not None:
            self.pipeline.bus.shutdown()
        for bus in (self._sim_bus, self._retransmit):
            if bus is not None:
                bus.shutdown()
