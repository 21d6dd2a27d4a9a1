"""The head unit as a UDS client (udsoncan over can-isotp) on a python-can bus.

Each ECU gets its own ISO-TP stack on the one bus, read through one :class:`can.Notifier`, and its
requests run on a worker thread, all ECUs at once: a scan of four ECUs where one is silent takes one
timeout, not four. Every failure (no answer, a negative response, a malformed answer, a dead bus) ends up
as one sentence in the ECU's report; nothing here raises for what an ECU does.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import can
import isotp
import udsoncan
from udsoncan import exceptions as uds_errors
from udsoncan.client import Client
from udsoncan.connections import PythonIsoTpConnection

from .catalog import DiagnosticDescription, DidSpec, DtcCatalog, EcuSpec, dtc_text
from .reports import DidValue, DtcRecord, EcuReport, Seen

IDENTIFICATION_DIDS = (0xF197, 0xF190, 0xF18C, 0xF187, 0xF193, 0xF195, 0xF198)
# Every status bit that says a DTC failed at some point; not the two "test not completed" bits, which
# after a clear would list every code the ECU supports.
FAILED_STATUS = 0xAF
FAILING_OR_CONFIRMED = 0x09  # status bits 0 (testFailed) and 3 (confirmedDTC)
ALL_DTCS = 0xFFFFFF
SNAPSHOT_FIRST, SNAPSHOT_LATEST = 0x01, 0x02
OCCURRENCE_RECORD = 0x01
PADDING = 0xAA
RESET_TYPES = {"hard": 0x01, "key-off-on": 0x02, "soft": 0x03}
EXTENDED_SESSION = 0x03
REQUEST_OUT_OF_RANGE = 0x31
# udsoncan and can-isotp log every negative response and frame problem; the reports say it once.
for _name in ("UdsClient", "Connection", "isotp"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def physical_address(ecu: EcuSpec) -> isotp.Address:
    """The ISO-TP address of ``ecu`` as the tester sees it (11-bit, or 29-bit with the full ids given)."""
    mode = isotp.AddressingMode.Normal_29bits if ecu.extended else isotp.AddressingMode.Normal_11bits
    return isotp.Address(mode, txid=ecu.request_id, rxid=ecu.response_id)


class _Codec(udsoncan.DidCodec):
    def __init__(self, spec: DidSpec) -> None:
        super().__init__()
        self.spec = spec

    def encode(self, *value: Any) -> bytes:
        return self.spec.encode(value[0])

    def decode(self, payload: bytes) -> Any:
        return self.spec.decode(payload)

    def __len__(self) -> int:
        return self.spec.length


def _words(camel: str) -> str:
    """``ECUReset`` → ``ECU reset``, ``RequestOutOfRange`` → ``request out of range``."""
    words = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ", camel).split()
    return " ".join(w if len(w) > 1 and w.isupper() else w.lower() for w in words)


class DiagnosticClient:
    """Diagnostics over ``bus``; pass the bus's ``notifier`` if one already reads it, else one is made."""

    def __init__(
        self,
        bus: can.BusABC,
        description: DiagnosticDescription,
        catalog: DtcCatalog,
        timeout: float = 1.0,
        notifier: can.Notifier | None = None,
        lock: threading.Lock | None = None,
    ) -> None:
        self.bus = bus
        self.description = description
        self.catalog = catalog
        self.timeout = timeout
        self._own_notifier = notifier is None
        self.notifier = notifier or can.Notifier(bus, [], timeout=0.05)
        # One job at a time on this bus connection (each ECU's ISO-TP stack owns its ids while it runs);
        # shared with the OBD-II reader and taken by whoever closes the bus.
        self.lock = lock or threading.Lock()
        self.closed = False
        self._config = dict(udsoncan.configs.default_client_config)
        self._config.update(
            {
                "data_identifiers": {did: _Codec(spec) for did, spec in description.dids.items()},
                "request_timeout": timeout,
                "p2_timeout": timeout,
                "p2_star_timeout": max(timeout, 2.0),
                # The ECU's own P2 (50 ms) is for a dedicated tester; a head unit under load keeps its own.
                "use_server_timing": False,
                "extended_data_size": 1,
                "dtc_snapshot_did_size": 2,
            }
        )

    # -- what a user asks for -------------------------------------------------------------------------------
    def scan(self, ecus: list[EcuSpec] | None = None) -> list[EcuReport]:
        """Which ECUs answer, what they are, and how many DTCs each has stored."""

        def job(client: Client, report: EcuReport) -> None:
            client.tester_present()
            report.answered = True
            report.info = self._read_dids(client, (0xF197, 0xF195, 0xF193))
            response = client.get_number_of_dtc_by_status_mask(FAILED_STATUS)
            report.dtc_count = response.service_data.dtc_count
            self._count_failing(client, report)

        return self._each(ecus, job)

    def info(self, ecus: list[EcuSpec] | None = None) -> list[EcuReport]:
        """Identification (VIN, versions, serial) and live values of each ECU."""

        def job(client: Client, report: EcuReport) -> None:
            report.info = self._read_dids(client, IDENTIFICATION_DIDS)
            report.answered = True
            spec = self.description.ecu(report.name)
            report.live = self._read_dids(client, spec.live)
            self._count_failing(client, report)

        return self._each(ecus, job)

    @staticmethod
    def _count_failing(client: Client, report: EcuReport) -> None:
        response = client.get_number_of_dtc_by_status_mask(FAILING_OR_CONFIRMED)
        report.failing_count = response.service_data.dtc_count

    def read_dtcs(self, ecus: list[EcuSpec] | None = None, details: bool = True) -> list[EcuReport]:
        """Stored DTCs with status; with ``details`` also first/last seen and the occurrence count."""

        def job(client: Client, report: EcuReport) -> None:
            response = client.get_dtc_by_status_mask(FAILED_STATUS)
            report.answered = True
            report.dtcs = [self._record(dtc) for dtc in response.service_data.dtcs]
            report.dtc_count = len(report.dtcs)
            report.failing_count = sum(1 for d in report.dtcs if d.status & FAILING_OR_CONFIRMED)
            if details:
                for record in report.dtcs:
                    self._details(client, record)

        return self._each(ecus, job)

    def clear(self, ecus: list[EcuSpec] | None = None) -> list[EcuReport]:
        """Clear all DTCs of each ECU (service 0x14, group 0xFFFFFF)."""

        def job(client: Client, report: EcuReport) -> None:
            client.clear_dtc(ALL_DTCS)
            report.answered = report.cleared = True

        return self._each(ecus, job)

    def reset(self, ecu: EcuSpec, kind: str = "hard") -> EcuReport:
        """ECU reset (service 0x11); a soft reset needs the extended session, which this opens."""

        def job(client: Client, report: EcuReport) -> None:
            if kind == "soft":
                client.change_session(EXTENDED_SESSION)
            client.ecu_reset(RESET_TYPES[kind])
            report.answered = True

        return self._each([ecu], job)[0]

    def request(self, ecu: EcuSpec, payload: bytes) -> tuple[EcuReport, bytes | None]:
        """A raw UDS request (for tests and experts); the positive response's bytes, or the problem."""
        answer: list[bytes] = []

        def job(client: Client, report: EcuReport) -> None:
            request = udsoncan.Request.from_payload(payload)
            response = client.send_request(request)
            report.answered = True
            if response is not None:
                answer.append(bytes(response.get_payload()))

        report = self._each([ecu], job)[0]
        return report, (answer[0] if answer else None)

    def run(self, ecu: EcuSpec, job: Callable[[Client, EcuReport], None]) -> EcuReport:
        """``job`` with a UDS client for ``ecu``; whatever the ECU does ends up in the report's problem."""
        return self._each([ecu], job)[0]

    def close(self) -> None:
        if self._own_notifier:
            self.notifier.stop(timeout=1)

    # -- plumbing -------------------------------------------------------------------------------------------
    def _each(self, ecus: list[EcuSpec] | None, job: Callable[[Client, EcuReport], None]) -> list[EcuReport]:
        targets = list(self.description.ecus if ecus is None else ecus)
        if not targets:
            return []
        with self.lock:
            if self.closed:
                return [self._closed_report(ecu) for ecu in targets]
            with ThreadPoolExecutor(len(targets), thread_name_prefix="cockpit-diag") as pool:
                return list(pool.map(lambda ecu: self._run(ecu, job), targets))

    @staticmethod
    def _closed_report(ecu: EcuSpec) -> EcuReport:
        report = EcuReport(ecu.name, ecu.request_id, ecu.response_id, ecu.description)
        report.problem = "diagnostics closed (the head unit is shutting down)"
        return report

    def _run(self, ecu: EcuSpec, job: Callable[[Client, EcuReport], None]) -> EcuReport:
        report = EcuReport(ecu.name, ecu.request_id, ecu.response_id, ecu.description)
        started = time.monotonic()
        transport_errors: list[str] = []
        try:
            with self._client(ecu, transport_errors) as client:
                job(client, report)
        except uds_errors.TimeoutException:
            report.waited_s = time.monotonic() - started
            wait = f"{self.timeout:.1f} s"
            if report.answered:
                report.problem = f"{ecu.name} stopped answering (no answer after {wait})"
            else:
                report.problem = f"no answer from {ecu.name} ({report.address[2:]}h) after {wait}"
            if transport_errors:
                report.problem += f"; ISO-TP: {transport_errors[-1]}"
            return report
        except uds_errors.NegativeResponseException as exc:
            report.answered = True
            r = exc.response
            service = _words(r.service.get_name()) if r.service is not None else "the request"
            report.problem = f"{ecu.name} refused {service}: {_words(r.code_name)} (NRC 0x{r.code:02X})"
        except (uds_errors.InvalidResponseException, uds_errors.UnexpectedResponseException) as exc:
            report.answered = True
            report.problem = f"{ecu.name} sent an answer that does not parse: {exc}"
        except (can.CanError, OSError, isotp.IsoTpError) as exc:
            report.problem = f"cannot talk to {ecu.name}: {exc}"
        except Exception as exc:  # a worker thread must report, never die silently
            report.problem = f"{ecu.name}: {type(exc).__name__}: {exc}"
        report.waited_s = time.monotonic() - started
        return report

    @contextmanager
    def _client(self, ecu: EcuSpec, errors: list[str]) -> Iterator[Client]:
        stack = isotp.NotifierBasedCanStack(
            self.bus,
            self.notifier,
            address=physical_address(ecu),
            error_handler=lambda exc: errors.append(f"{type(exc).__name__}: {exc}"),
            params={
                "tx_padding": PADDING,
                "blocksize": 0,
                "stmin": 0,
                "rx_flowcontrol_timeout": 1000,
                # Half the request timeout (ISO's N_Cr is 1 s): an answer cut off mid-transfer is then
                # reported as such before the request itself times out.
                "rx_consecutive_frame_timeout": max(50, round(self.timeout * 500)),
            },
        )
        connection = PythonIsoTpConnection(stack, name=ecu.name)
        with Client(connection, config=self._config) as client:  # type: ignore[arg-type]
            yield client

    def _read_dids(self, client: Client, dids: tuple[int, ...]) -> list[DidValue]:
        """Each DID on its own request, so one the ECU does not have (NRC 0x31) does not hide the rest."""
        out = []
        for did in dids:
            spec = self.description.dids[did]
            try:
                value = client.read_data_by_identifier_first(did)
            except uds_errors.NegativeResponseException as exc:
                if exc.response.code == REQUEST_OUT_OF_RANGE:
                    continue
                raise
            out.append(DidValue(did, spec.name, value, spec.format(value)))
        return out

    def _record(self, dtc: udsoncan.Dtc) -> DtcRecord:
        return DtcRecord(
            code=dtc_text(dtc.id),
            number=dtc.id,
            status=dtc.status.get_byte_as_int(),
            description=self.catalog.describe(dtc.id) or "unknown code (not in the DTC catalog)",
        )

    def _details(self, client: Client, record: DtcRecord) -> None:
        snapshots = client.get_dtc_snapshot_by_dtc_number(record.number, 0xFF).service_data.dtcs
        seen: dict[int, Seen] = {}
        for dtc in snapshots:
            for snap in dtc.snapshots:
                entry = seen.setdefault(snap.record_number, Seen())
                if snap.did == 0xDD00:
                    entry.time = int(snap.data)
                elif snap.did == 0xDD01:
                    entry.odometer_km = int(snap.data)
        record.first_seen = seen.get(SNAPSHOT_FIRST)
        record.last_seen = seen.get(SNAPSHOT_LATEST)
        extended = client.get_dtc_extended_data_by_dtc_number(record.number, OCCURRENCE_RECORD, data_size=1)
        for dtc in extended.service_data.dtcs:
            for data in dtc.extended_data:
                if data.record_number == OCCURRENCE_RECORD and data.raw_data:
                    record.occurrences = data.raw_data[0]
