from pathlib import Path

import can
import pytest

from cockpit.cli.main import main


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["sim", *args])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--vehicle", "tesla"], "unknown vehicle 'tesla'"),
        (["--cycle", "nedc"], "Valid cycles: wltc"),
        (["--fault", "flat"], "Valid faults: tyre-low-fl"),
        (["--cycle", "idle", "--fast", "--record", "x.blf"], "--fast needs --duration"),
        (["--record", "/nonexistent/dir/x.blf", "--duration", "1"], "folder does not exist"),
        (["--record", "x.xyz", "--duration", "1"], "cannot record to .xyz"),
        (["--can", "warpdrive:0", "--duration", "1"], "unknown CAN interface 'warpdrive'"),
    ],
)
def test_bad_options_give_one_line_listing_the_valid_ones(
    capsys, tmp_path, monkeypatch, args, expected
) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run(capsys, *args)
    assert code == 2
    assert expected in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())  # nothing was written before failing


def test_fast_recording_of_the_erev_with_a_fault_and_flooding(capsys, tmp_path: Path) -> None:
    log = tmp_path / "erev.log"
    code, err = run(
        capsys, "--vehicle", "erev", "--fast", "--duration", "5", "--record", str(log), "--fault", "12v-low",
        "--rate", "4000",
    )  # fmt: skip
    assert code == 0, err
    frames = list(can.LogReader(str(log)))
    span = frames[-1].timestamp - frames[0].timestamp
    assert len(frames) / span == pytest.approx(4000, rel=0.05)
    assert "demo-erev" in err and "frames" in err
    filler = [m for m in frames if m.is_extended_id and m.arbitration_id >= 0x18F00000]
    assert len({m.arbitration_id for m in filler}) == 2000  # load-test traffic on 2,000 extended ids


def test_real_time_run_sends_on_a_virtual_bus(capsys) -> None:
    import threading

    received = []
    with can.Bus(interface="virtual", channel="sim-cli-test") as listener:
        t = threading.Thread(
            target=lambda: main(["sim", "--can", "virtual:sim-cli-test", "--duration", "1", "--quiet"])
        )
        t.start()
        while t.is_alive():
            if (msg := listener.recv(timeout=0.1)) is not None:
                received.append(msg)
        while (msg := listener.recv(timeout=0.1)) is not None:
            received.append(msg)
        t.join()
    assert 300 < len(received) < 800  # about 510 frames in one second
