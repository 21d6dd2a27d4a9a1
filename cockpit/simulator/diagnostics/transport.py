"""ISO-TP (ISO 15765-2) for one simulated ECU, driven by the simulation loop rather than by threads.

can-isotp's :class:`isotp.TransportLayerLogic` does the segmentation and flow control; this endpoint
feeds it the frames the runner read from the bus and collects what it sends, so the runner puts those on
the bus in the same step. Requests to the functional id (single frames only, by the standard) are handed
to the same layer and reported as functional, so the server can stay quiet where ISO 14229 says it must.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import can
import isotp

from vehicle_bus.diagnostics.catalog import STANDARD_ID_MAX

PADDING = 0xAA
Handler = Callable[[bytes, bool], bytes | None]


class IsoTpEndpoint:
    def __init__(self, request_id: int, response_id: int, functional_id: int) -> None:
        self.request_id = request_id
        self.functional_id = functional_id
        self.extended = request_id > STANDARD_ID_MAX  # 29-bit normal-fixed addressing (ISO 15765-4)
        self.errors = 0
        self.last_error = ""
        self._rx: deque[isotp.CanMessage] = deque()
        self._tx: list[can.Message] = []
        self.layer = isotp.TransportLayerLogic(
            rxfn=self._next_frame,
            txfn=self._send,
            address=isotp.Address(
                isotp.AddressingMode.Normal_29bits if self.extended else isotp.AddressingMode.Normal_11bits,
                txid=response_id,
                rxid=request_id,
            ),
            error_handler=self._error,
            # stmin 0 and blocksize 0: the tester may send consecutive frames as fast as it likes.
            params={"stmin": 0, "blocksize": 0, "tx_padding": PADDING, "rx_consecutive_frame_timeout": 1000},
        )

    def hears(self, msg: can.Message) -> bool:
        return msg.is_extended_id == self.extended and msg.arbitration_id in (
            self.request_id,
            self.functional_id,
        )

    def feed(self, msg: can.Message, handler: Handler) -> None:
        """One frame for this ECU; every complete request goes to ``handler(payload, functional)``."""
        functional = msg.arbitration_id == self.functional_id
        data = bytes(msg.data)
        if functional and (not data or data[0] >> 4 != 0):
            # Only single frames may be sent functionally; anything else on that id is not for us.
            return
        self._rx.append(
            isotp.CanMessage(
                arbitration_id=self.request_id, dlc=len(data), data=data, extended_id=self.extended
            )
        )
        self.layer.process()
        while (payload := self.layer.recv()) is not None:
            response = handler(bytes(payload), functional)
            if response:
                self.layer.send(response)
        self.layer.process(do_rx=False)

    def poll(self) -> list[can.Message]:
        """Frames to send now (consecutive frames after a flow control, timeouts); empties the outbox."""
        self.layer.process()
        out, self._tx = self._tx, []
        return out

    def reset(self) -> None:
        self.layer.reset()
        self._rx.clear()

    def _next_frame(self) -> isotp.CanMessage | None:
        return self._rx.popleft() if self._rx else None

    def _send(self, msg: isotp.CanMessage) -> None:
        self._tx.append(
            can.Message(
                arbitration_id=msg.arbitration_id, data=msg.data, is_extended_id=self.extended, is_rx=False
            )
        )

    def _error(self, exc: Exception) -> None:
        # A malformed or out-of-order frame: the layer drops it and resets; the ECU keeps answering.
        self.errors += 1
        self.last_error = f"{type(exc).__name__}: {exc}"
