"""End-to-end protection of CAN frames: an alive counter and a CRC checksum, as real cars use them.

A message is protected when its DBC definition has both a ``Counter`` and a ``Checksum`` signal. The sender
writes the counter (incremented per transmission, wrapping at its width: 15 → 0 for 4 bits) and then the
checksum: CRC-8 SAE J1850 (polynomial 0x1D, initial value 0xFF, final XOR 0xFF) over every byte of the frame
except the checksum byte, counter included. A receiver drops a frame whose checksum does not match (corrupted
or forged) and notices a counter that does not advance (a stuck sender).

The demo vehicle (``assets/vehicles/demo-bev/smart_ev.dbc``) puts the counter in bits 52-55 and the checksum
in byte 7; this module reads the positions from the DBC, so any byte-aligned 8-bit checksum works.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from crccheck.crc import Crc8SaeJ1850

from .errors import DatabaseError

if TYPE_CHECKING:
    from cantools.database.can import Database, Message, Signal

COUNTER = "Counter"
CHECKSUM = "Checksum"
ALGORITHM = "crc8-sae-j1850"


def crc8_sae_j1850(data: bytes) -> int:
    """CRC-8 SAE J1850 of ``data`` (check value: ``b"123456789"`` → 0x4B)."""
    return Crc8SaeJ1850.calc(data)


class FrameProtection:
    """Counter and checksum handling for frames of one message.

    For a message without both signals every method passes frames through unchanged and ``verify`` accepts
    them, so callers can wrap every message alike.
    """

    def __init__(self, message: Message) -> None:
        self.message = message
        names = {s.name for s in message.signals}
        self.protected = COUNTER in names and CHECKSUM in names
        self.counter_modulo = 1
        self._counter_bits: list[int] = []
        self._checksum_byte = -1
        if not self.protected:
            return
        counter = message.get_signal_by_name(COUNTER)
        checksum = message.get_signal_by_name(CHECKSUM)
        bits = _bit_positions(checksum)
        if checksum.length != 8 or min(bits) % 8 or max(bits) != min(bits) + 7:
            raise DatabaseError(
                f"message {message.name} (0x{message.frame_id:x}): {CHECKSUM} must fill one whole byte "
                f"for {ALGORITHM}",
                fix="Give the checksum 8 bits starting at a multiple of 8",
            )
        self._checksum_byte = min(bits) // 8
        self._counter_bits = _bit_positions(counter)
        if self._checksum_byte in {b // 8 for b in self._counter_bits}:
            raise DatabaseError(
                f"message {message.name} (0x{message.frame_id:x}): {COUNTER} overlaps the {CHECKSUM} byte"
            )
        self.counter_modulo = 1 << counter.length

    def __repr__(self) -> str:
        state = "protected" if self.protected else "unprotected"
        return f"<FrameProtection {self.message.name} {state}>"

    def next_counter(self, counter: int) -> int:
        """The counter value after ``counter`` (wraps to 0 after the largest value)."""
        return (counter + 1) % self.counter_modulo

    def apply(self, data: bytes, counter: int) -> bytes:
        """``data`` with ``counter`` (taken modulo the counter's range) and then the checksum written in.

        A frame shorter than the message is padded with zero bytes first. Unprotected messages: ``data``
        unchanged.
        """
        if not self.protected:
            return bytes(data)
        frame = bytearray(data)
        if len(frame) < self.message.length:
            frame.extend(bytes(self.message.length - len(frame)))
        value = counter % self.counter_modulo
        for i, bit in enumerate(self._counter_bits):
            byte, mask = bit // 8, 1 << (bit % 8)
            if value >> i & 1:
                frame[byte] |= mask
            else:
                frame[byte] &= ~mask & 0xFF
        frame[self._checksum_byte] = self.checksum(frame)
        return bytes(frame)

    def checksum(self, data: bytes | bytearray) -> int:
        """The checksum ``data`` should carry: the CRC over every byte but the checksum byte."""
        i = self._checksum_byte
        return crc8_sae_j1850(bytes(data[:i]) + bytes(data[i + 1 :]))

    def verify(self, data: bytes) -> bool:
        """Does ``data`` carry the right checksum? Always true for unprotected messages."""
        if not self.protected:
            return True
        if len(data) < self.message.length:
            return False
        return data[self._checksum_byte] == self.checksum(data)

    def counter(self, data: bytes) -> int | None:
        """The counter ``data`` carries (``None`` for unprotected messages or a frame too short)."""
        if not self.protected or len(data) < self.message.length:
            return None
        return sum(((data[bit // 8] >> (bit % 8)) & 1) << i for i, bit in enumerate(self._counter_bits))


def protections(messages: Database | Iterable[Message]) -> dict[int, FrameProtection]:
    """A :class:`FrameProtection` per frame id, for the protected messages of a database."""
    items = messages.messages if hasattr(messages, "messages") else messages
    out = {}
    for message in items:
        protection = FrameProtection(message)
        if protection.protected:
            out[message.frame_id] = protection
    return out


def _bit_positions(signal: Signal) -> list[int]:
    """Bit indices (bit ``i`` is bit ``i % 8`` of byte ``i // 8``) of ``signal``, least significant first."""
    if signal.byte_order == "little_endian":
        return list(range(signal.start, signal.start + signal.length))
    # Motorola: the start bit is the most significant bit, counted in the DBC's sawtooth order.
    bits = []
    bit = signal.start
    for _ in range(signal.length):
        bits.append(bit)
        bit = bit - 1 if bit % 8 else bit + 15
    return bits[::-1]
