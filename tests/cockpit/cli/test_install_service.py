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
