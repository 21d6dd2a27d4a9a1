from __future__ import annotations

import pytest

from assets import ASSETS_DIR
from vehicle_bus.diagnostics.catalog import (
    DidSpec,
    dtc_number,
    dtc_text,
    load_description,
    load_dtc_catalog,
)
from vehicle_bus.errors import InputError

DIAG = ASSETS_DIR / "diagnostics"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("P0AA6", 0x0AA600),
        ("C0750", 0x475000),
        ("B1000", 0x900000),
        ("U0100", 0xC10000),
        ("P0562-1C", 0x05621C),
    ],
)
def test_dtc_text_follows_sae_j2012(text: str, number: int) -> None:
    assert dtc_number(text) == number
    assert dtc_text(number) == text


def test_a_malformed_code_is_one_clear_line() -> None:
    with pytest.raises(InputError, match=r"not a DTC.*P, C, B or U"):
        dtc_number("X123")


def test_scaled_values_round_trip_and_saturate() -> None:
    soh = DidSpec(0x0202, "State of health", "uint", 2, scale=0.01, unit="%")
    assert soh.decode(soh.encode(97.0)) == 97.0
    assert soh.format(97.0) == "97.00 %"
    assert soh.encode(1e9) == b"\xff\xff"  # a sensor saturates, never wraps
    temp = DidSpec(0x0207, "Pack temperature", "sint", 2, scale=0.1, unit="°C")
    assert temp.decode(temp.encode(-12.5)) == -12.5
    vin = DidSpec(0xF190, "VIN", "ascii", 17)
    assert vin.decode(vin.encode("W0SCPD3E5N1000417")) == "W0SCPD3E5N1000417"


def test_the_shipped_description_and_catalog_load() -> None:
    description = load_description(DIAG / "ecus.yaml")
    assert [e.name for e in description.ecus] == ["VCU", "BMS", "BCM", "TPMS", "OBC"]
    assert (description.functional_id, description.functional_id_29) == (0x7DF, 0x18DB33F1)
    assert {e.request_id for e in description.ecus} == {0x7E0, 0x7E1, 0x7E2, 0x7E3, 0x18DA44F1}
    obc = description.ecu("OBC")
    assert obc.extended and obc.response_id == 0x18DAF144 and description.functional_for(obc) == 0x18DB33F1
    assert description.extended_ecus == [obc] and description.functional_for(description.ecu("VCU")) == 0x7DF
    catalog = load_dtc_catalog(DIAG / "dtc_catalog.yaml")
    assert "isolation" in catalog.describe(dtc_number("P0AA6"))
    assert catalog.describe(dtc_number("P0562")) == "System voltage low"


def test_an_ecu_with_an_11_bit_request_and_a_29_bit_response_is_refused(tmp_path) -> None:
    mixed = tmp_path / "ecus.yaml"
    mixed.write_text("ecus:\n  - {name: OBC, request: 0x7E4, response: 0x18DAF144}\n")
    with pytest.raises(InputError, match="not both 11-bit or both 29-bit") as err:
        load_description(mixed)
    assert "0x18DA<ECU><tester>" in err.value.line()


def test_a_broken_description_names_file_and_line(tmp_path) -> None:
    bad = tmp_path / "ecus.yaml"
    bad.write_text("ecus:\n  - name: VCU\n    request: [\n")
    with pytest.raises(InputError, match=r"ecus\.yaml:\d+: not valid YAML"):
        load_description(bad)
    undefined = tmp_path / "undefined.yaml"
    undefined.write_text("ecus:\n  - {name: X, request: 0x7E0, response: 0x7E8, live: [0x1234]}\ndids: {}\n")
    with pytest.raises(InputError, match="undefined DIDs 0x1234"):
        load_description(undefined)
