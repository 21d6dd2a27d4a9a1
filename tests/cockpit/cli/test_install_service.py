import sys
from pathlib import Path

from cockpit.cli.main import main


def test_unit_runs_the_kiosk_with_the_options_and_restarts_on_failure(capsys) -> None:
    assert main(["install-service", "--print", "--", "--can", "socketcan:can0", "--vehicle", "demo-bev"]) == 0
    unit = capsys.readouterr().out
    assert f"ExecStart={sys.executable} -m cockpit --kiosk --can socketcan:can0 --vehicle demo-bev" in unit
    assert "Restart=on-failure" in unit and "StandardOutput=journal" in unit
    assert unit.index("StartLimitBurst") < unit.index("[Service]")  # a [Unit] setting


def test_eglfs_unit_sets_the_platform_and_starts_without_a_desktop(capsys) -> None:
    assert main(["install-service", "--print", "--platform", "eglfs"]) == 0
    unit = capsys.readouterr().out
    assert "Environment=QT_QPA_PLATFORM=eglfs" in unit and "WantedBy=default.target" in unit


def test_the_unit_is_written_to_the_user_systemd_folder(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert main(["install-service", "--no-enable"]) == 0
    path = tmp_path / "systemd" / "user" / "smart-cockpit.service"
    assert path.read_text().startswith("[Unit]")
    assert str(path) in capsys.readouterr().out


def test_an_unwritable_config_folder_is_one_line(monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/proc/cockpit-no")
    assert main(["install-service", "--no-enable"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cockpit: cannot write /proc/cockpit-no/systemd/user/smart-cockpit.service")


def test_a_unit_written_but_not_enabled_is_not_success(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr("shutil.which", lambda name: None)  # no systemd on this system
    assert main(["install-service"]) == 1
    assert "systemctl not found" in capsys.readouterr().out
    assert (tmp_path / "systemd" / "user" / "smart-cockpit.service").is_file()


def test_labwc_unit_runs_on_wayland_and_autostart_starts_it_once(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    autostart = tmp_path / "labwc" / "autostart"
    autostart.parent.mkdir()
    autostart.write_text("lxsession-xdg-autostart")  # the user's own line, without a final newline
    for _ in range(2):
        assert main(["install-service", "--labwc", "--no-enable", "--", "--can", "socketcan:can0"]) == 0
    unit = (tmp_path / "systemd" / "user" / "smart-cockpit.service").read_text()
    assert "Environment=QT_QPA_PLATFORM=wayland" in unit and "--can socketcan:can0" in unit
    assert "[Install]" not in unit and "PartOf" not in unit  # labwc starts no graphical-session.target
    lines = autostart.read_text().splitlines()
    assert lines[0] == "lxsession-xdg-autostart" and len(lines) == 2
    assert "import-environment WAYLAND_DISPLAY" in lines[1] and "start --no-block smart-cockpit" in lines[1]
    assert "already starts" in capsys.readouterr().out


def test_can_network_file_brings_can0_up_at_the_profile_bitrate(capsys) -> None:
    assert main(["install-service", "--can-network", "can0", "--print"]) == 0
    text = capsys.readouterr().out
    assert "[Match]\nName=can0\n" in text and "[CAN]\nBitRate=500000\nRestartSec=100ms\n" in text
    assert main(["install-service", "--can-network", "can1", "--bitrate", "250000", "--print"]) == 0
    assert "Name=can1" in (out := capsys.readouterr().out) and "BitRate=250000" in out


def test_can_network_is_written_where_networkd_reads_it(tmp_path: Path, monkeypatch, capsys) -> None:
    from cockpit.cli import install_service

    monkeypatch.setattr(install_service, "NETWORK_DIR", tmp_path / "network")
    assert main(["install-service", "--can-network", "can0", "--no-enable"]) == 0
    assert "BitRate=500000" in (tmp_path / "network" / "80-can0.network").read_text()
    monkeypatch.setattr(install_service, "NETWORK_DIR", Path("/proc/no-network"))
    assert main(["install-service", "--can-network", "can0", "--no-enable"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("cockpit: cannot write /proc/no-network/80-can0.network") and "sudo" in err
    assert main(["install-service", "--can-network", "can0", "--bitrate", "5", "--print"]) == 2
