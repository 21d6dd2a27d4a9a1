"""What a diagnostic request found out, per ECU: plain data a CLI prints as JSON and a panel shows."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

STATUS_BITS = (
    (0x01, "test failed"),
    (0x02, "failed this cycle"),
    (0x04, "pending"),
    (0x08, "confirmed"),
    (0x10, "not tested since clear"),
    (0x20, "failed since clear"),
    (0x40, "not tested this cycle"),
    (0x80, "warning lamp"),
)


def can_id(arbitration_id: int) -> str:
    """``0x7E1`` for an 11-bit id, ``0x18DA44F1`` for a 29-bit one."""
    return f"0x{arbitration_id:0{8 if arbitration_id > 0x7FF else 3}X}"


def status_names(status: int) -> list[str]:
    return [name for bit, name in STATUS_BITS if status & bit]


def status_summary(status: int) -> str:
    """The one word a driver needs: is the fault there now, stored, or only suspected."""
    if status & 0x01:
        return "active" if status & 0x08 else "pending"
    if status & 0x08:
        return "stored"
    return "pending" if status & 0x04 else "passed"


@dataclass
class Seen:
    """A freeze frame: when (Unix time) and at which odometer reading a DTC was failing."""

    time: int | None = None
    odometer_km: int | None = None


@dataclass
class DtcRecord:
    code: str
    number: int
    status: int
    description: str
    first_seen: Seen | None = None
    last_seen: Seen | None = None
    occurrences: int | None = None

    @property
    def summary(self) -> str:
        return status_summary(self.status)

    def to_json(self) -> dict:
        out = asdict(self)
        out["status"] = f"0x{self.status:02X}"
        out["status_bits"] = status_names(self.status)
        out["state"] = self.summary
        del out["number"]
        return out


@dataclass
class DidValue:
    did: int
    name: str
    value: str | float
    text: str

    def to_json(self) -> dict:
        return {"did": f"0x{self.did:04X}", "name": self.name, "value": self.value, "text": self.text}


@dataclass
class EcuReport:
    name: str
    request_id: int
    response_id: int
    description: str = ""
    answered: bool = False
    waited_s: float = 0.0
    problem: str | None = None
    info: list[DidValue] = field(default_factory=list)
    live: list[DidValue] = field(default_factory=list)
    dtcs: list[DtcRecord] | None = None
    dtc_count: int | None = None
    # codes confirmed or failing now (status bits 0 and 3): what makes `cockpit diag` exit 3
    failing_count: int | None = None
    cleared: bool = False

    @property
    def address(self) -> str:
        return can_id(self.request_id)

    def to_json(self) -> dict:
        out: dict = {
            "name": self.name,
            "address": self.address,
            "response_address": can_id(self.response_id),
            "answered": self.answered,
            "waited_s": round(self.waited_s, 3),
        }
        if self.problem:
            out["problem"] = self.problem
        if self.info:
            out["info"] = [v.to_json() for v in self.info]
        if self.live:
            out["live"] = [v.to_json() for v in self.live]
        if self.dtc_count is not None:
            out["dtc_count"] = self.dtc_count
        if self.failing_count is not None:
            out["failing_or_confirmed_count"] = self.failing_count
        if self.dtcs is not None:
            out["dtcs"] = [d.to_json() for d in self.dtcs]
        if self.cleared:
            out["cleared"] = True
        return out


@dataclass
class ObdReport:
    """OBD-II answers to a functional request: per responding address, what it said."""

    vin: str | None = None
    values: dict[str, float] = field(default_factory=dict)
    stored_dtcs: dict[str, list[str]] = field(default_factory=dict)
    pending_dtcs: dict[str, list[str]] = field(default_factory=dict)  # mode 07
    permanent_dtcs: dict[str, list[str]] = field(default_factory=dict)  # mode 0A
    supported_pids: dict[str, list[int]] = field(default_factory=dict)  # mode 01, discovered per responder
    status: dict[str, dict] = field(default_factory=dict)  # PID 01: MIL, confirmed count, readiness monitors
    freeze_frame: dict[str, dict] = field(default_factory=dict)  # mode 02 frame 0: the DTC and its values
    responders: list[str] = field(default_factory=list)
    problem: str | None = None

    def to_json(self) -> dict:
        return asdict(self)
