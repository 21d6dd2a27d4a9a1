"""The connected car from the command line: pairing keys, ``cockpit sim --mqtt`` with a signed command
from ``cockpit fleet send``, its last will when killed, and bad input as one line."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

from cockpit.cli.main import main
from cockpit.connect.keychain import Keychain

REPO = Path(__file__).resolve().parents[3]


def test_pair_keys_revoke(tmp_path: Path, capsys, user_data: Path) -> None:
    key = tmp_path / "phone.pem"
    assert main(["fleet", "pair", "phone", "--key-out", str(key)]) == 0
    keychain = Keychain()
    assert keychain.path.is_relative_to(user_data)
    for path in (key, keychain.path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert main(["fleet", "keys", "--json"]) == 0
    capsys.readouterr()
    assert main(["fleet", "revoke", "phone"]) == 0
    assert [e.active for e in Keychain().entries()] == [False]
    assert main(["fleet", "pair", "again", "--key-out", str(key)]) == 2  # never overwrites a key
    assert "exists" in capsys.readouterr().err


def test_sim_with_mqtt_takes_a_signed_command_and_leaves_a_last_will(
    broker, subscribe, wait_for, tmp_path, user_data, capsys
):
    key = tmp_path / "phone.pem"
    assert main(["fleet", "pair", "phone", "--key-out", str(key)]) == 0
    status = subscribe(broker, "cockpit/v1/car-cli/status")
    env = {**os.environ, "XDG_DATA_HOME": str(user_data), "PYTHONPATH": str(REPO)}
    sim = subprocess.Popen(
        [sys.executable, "-m", "cockpit", "sim", "--cycle", "idle", "--quiet", "--can", "virtual:cli-test",
         "--mqtt", broker.url, "--vehicle-id", "car-cli"],
        cwd=REPO, env=env, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        wait_for(lambda: b"online" in [p for _t, p, _r in status.messages], 30, "the simulated car online")
        base = ["--mqtt", broker.url, "--vehicle-id", "car-cli", "--key", str(key)]
        capsys.readouterr()
        assert main(["fleet", "send", "seat.heating:driver=3", *base]) == 0
        assert capsys.readouterr().out.strip() == "seat.heating:driver=3: confirmed"
        assert main(["fleet", "send", "trunk.open=true", *base]) == 1
        assert "forbidden (trunk.open cannot be commanded remotely)" in capsys.readouterr().out
    finally:
        sim.send_signal(signal.SIGKILL)  # no goodbye: the broker publishes the will
        sim.wait(10)
    wait_for(lambda: [p for _t, p, _r in status.messages][-1] == b"offline", 30, "the last will")


def test_bad_broker_url_is_one_line(capsys) -> None:
    assert main(["fleet", "watch", "--mqtt", "tcp://x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a broker URL" in err and "Traceback" not in err
