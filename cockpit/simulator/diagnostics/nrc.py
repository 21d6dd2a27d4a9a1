"""Negative response codes (ISO 14229-1 annex A.1) and the exception a service raises to send one."""

from __future__ import annotations

SERVICE_NOT_SUPPORTED = 0x11
SUBFUNCTION_NOT_SUPPORTED = 0x12
WRONG_LENGTH = 0x13
CONDITIONS_NOT_CORRECT = 0x22
OUT_OF_RANGE = 0x31
SUBFUNCTION_NOT_IN_SESSION = 0x7E
SERVICE_NOT_IN_SESSION = 0x7F
# A functional request gets no answer with these codes: the ECU is just not the one meant (ISO 14229-1 7.5).
QUIET_ON_FUNCTIONAL = {
    SERVICE_NOT_SUPPORTED,
    SUBFUNCTION_NOT_SUPPORTED,
    OUT_OF_RANGE,
    SUBFUNCTION_NOT_IN_SESSION,
    SERVICE_NOT_IN_SESSION,
}


class NegativeResponseError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(f"NRC 0x{code:02X}")
        self.code = code
