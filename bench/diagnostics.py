"""Benchmark: vehicle diagnostics against the simulated car on a python-can virtual bus.

Prints one JSON line (medians over ``--runs`` repetitions, the machine is shared and noisy):

* ``scan_s``: our scan of the 5 ECUs, the charger on 29-bit ids (tester present, 3 identification DIDs,
  DTC count each; the ECUs in parallel) — and ``reference_scan_s``, the same requests made the plain way,
  one ECU after the other, with a udsoncan ``Client`` over can-isotp's ``CanStack``; ``vs_reference`` =
  reference ÷ ours (> 1: ours is faster);
* ``dtc_read_one_s``: reading one ECU's DTCs with their freeze frames and occurrence counter (3 requests);
* ``dtc_read_all_s``: the same on all 5 ECUs (2 of them with a DTC);
* ``info_s``: identification and live values of all 5 ECUs; ``obd_s``: OBD-II modes 01, 02, 03, 07, 09, 0A
  (11-bit and 29-bit functional requests in one window);
* ``scan_with_silent_ecu_s``: a scan that includes an address nobody answers (timeout 1 s): bounded by
  the one timeout, not by the number of ECUs.

Run: ``python -m bench.diagnostics [--runs 10]``
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from collections.abc import Callable

import can
import isotp
import udsoncan
from udsoncan.client import Client
from udsoncan.connections import PythonIsoTpConnection

from cockpit.simulator.diagnostics.in_process import car_on_bus
from vehicle_bus.diagnostics import EcuSpec


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 4)


def _reference_scan(channel: str, ecus: list[EcuSpec], codecs: dict) -> None:
    """What a script with udsoncan and can-isotp alone would do: one ECU after the other."""
    bus = can.Bus(interface="virtual", channel=channel)
    config = dict(udsoncan.configs.default_client_config)
    config.update({"data_identifiers": codecs, "use_server_timing": False})
    try:
        for ecu in ecus:
            mode = isotp.AddressingMode.Normal_29bits if ecu.extended else isotp.AddressingMode.Normal_11bits
            address = isotp.Address(mode, txid=ecu.request_id, rxid=ecu.response_id)
            stack = isotp.CanStack(bus, address=address, params={"tx_padding": 0xAA, "blocksize": 0})
            with Client(PythonIsoTpConnection(stack), config=config) as client:  # type: ignore[arg-type]
                client.tester_present()
                for did in (0xF197, 0xF195, 0xF193):
                    client.read_data_by_identifier_first(did)
                client.get_number_of_dtc_by_status_mask(0xAF)
    finally:
        bus.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with car_on_bus(["hv-isolation", "tyre-low-fl"]) as car:
        uds = car.tester.uds
        ecus = list(car.tester.description.ecus)
        bms = [car.tester.description.ecu("BMS")]
        codecs = uds._config["data_identifiers"]
        result = {
            "bench": "diagnostics",
            "ecus": len(ecus),
            "scan_s": _median(uds.scan, args.runs),
            "reference_scan_s": _median(lambda: _reference_scan(car.channel, ecus, codecs), args.runs),
            "dtc_read_one_s": _median(lambda: uds.read_dtcs(bms), args.runs),
            "dtc_read_all_s": _median(uds.read_dtcs, args.runs),
            "info_s": _median(uds.info, args.runs),
            "obd_s": _median(car.tester.obd.read, max(3, args.runs // 3)),
            "scan_with_silent_ecu_s": _median(
                lambda: uds.scan([*ecus, EcuSpec("ADAS", 0x7E5, 0x7ED)]), max(3, args.runs // 3)
            ),
        }
    result["vs_reference"] = round(result["reference_scan_s"] / result["scan_s"], 2)
    result["python"] = platform.python_version()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
