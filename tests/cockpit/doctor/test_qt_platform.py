"""The check before Qt starts: which plugin Qt would load, its missing libraries by package, screen, fonts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cockpit.doctor import qt_platform
from cockpit.doctor.preflight import PlatformError, require_qt_platform
from cockpit.doctor.qt_platform import check_fonts, check_qt_platform, check_screen, chosen_platforms, qt_dir

REPO = Path(__file__).resolve().parents[3]


def fake_qt(tmp_path: Path, *platforms: str) -> Path:
    folder = tmp_path / "Qt" / "plugins" / "platforms"
    folder.mkdir(parents=True)
    for name in platforms:
        (folder / f"libq{name}.so").write_bytes(b"")
    return tmp_path / "Qt"


def test_the_platform_qt_would_choose() -> None:
    assert chosen_platforms({}) == ["xcb"]
    assert chosen_platforms({"DISPLAY": ":0"}) == ["xcb"]
    assert chosen_platforms({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == ["wayland", "xcb"]
    assert chosen_platforms({"QT_QPA_PLATFORM": "eglfs:/dev/dri/card1"}) == ["eglfs"]
    assert chosen_platforms({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]


def test_the_real_plugins_load_on_this_machine() -> None:
    qt = qt_dir()
    assert qt is not None and (qt / "plugins" / "platforms" / "libqxcb.so").exists()
    assert qt_platform.missing_libraries(qt / "plugins" / "platforms" / "libqoffscreen.so") == []
    (ok, fonts) = check_qt_platform({"QT_QPA_PLATFORM": "offscreen"}, lang="zh")
    assert ok.status == "ok" and "offscreen" in ok.detail and fonts.status == "ok"


def test_missing_libraries_are_named_with_their_debian_package(tmp_path: Path, monkeypatch) -> None:
    qt = fake_qt(tmp_path, "xcb")
    missing = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libglib-2.0.so.0", "libgthread-2.0.so.0"]
    monkeypatch.setattr(qt_platform, "missing_libraries", lambda library: missing)
    checks = check_qt_platform({"DISPLAY": "localhost:0"}, qt=qt)
    failed = {c.fix: c.detail for c in checks if c.status == "fail"}
    assert "libxcb-icccm.so.4" in failed["sudo apt install libxcb-icccm4"]
    assert "libxcb-keysyms.so.1" in failed["sudo apt install libxcb-keysyms1"]
    # Two libraries of one package are one problem, one line.
    assert "libglib-2.0.so.0, libgthread-2.0.so.0" in failed["sudo apt install libglib2.0-0"]


def test_no_screen_is_a_problem_before_any_library(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(qt_platform, "missing_libraries", lambda library: [])
    qt = fake_qt(tmp_path, "xcb", "wayland", "offscreen")
    (display, _fonts) = check_qt_platform({}, qt=qt)
    assert display.status == "fail" and "DISPLAY" in display.detail and "eglfs" in display.fix
    unknown = check_qt_platform({"QT_QPA_PLATFORM": "directfb"}, qt=qt)[0]
    assert unknown.status == "fail" and "offscreen" in unknown.fix and "xcb" in unknown.fix
    # Wayland with a dead socket but a working X display: Qt falls back to xcb, so that is fine.
    (ok, _fonts) = check_qt_platform(
        {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path), "DISPLAY": "remote:0"}, qt=qt
    )
    assert ok.status == "ok" and "xcb" in ok.detail


def test_screens(tmp_path: Path) -> None:
    assert check_screen("xcb", {"DISPLAY": ":987"}).detail.endswith("/tmp/.X11-unix/X987")
    (tmp_path / "wayland-1").touch()
    assert check_screen("wayland", {"WAYLAND_DISPLAY": "wayland-1", "XDG_RUNTIME_DIR": str(tmp_path)}) is None
    eglfs = check_screen("eglfs", {}, dev=tmp_path)
    assert eglfs is not None and "vc4-kms-v3d" in eglfs.fix
    (tmp_path / "dri").mkdir()
    (tmp_path / "dri" / "card1").touch()
    assert check_screen("eglfs", {}, dev=tmp_path) is None
    assert "fb0" in check_screen("linuxfb", {}, dev=tmp_path).detail


def test_fonts_for_the_language(tmp_path: Path) -> None:
    latin = [tmp_path / "DejaVuSans.ttf"]
    assert check_fonts("en", latin)[0].status == "ok"
    (zh,) = check_fonts("zh", latin)
    assert zh.status == "fail" and zh.fix == "sudo apt install fonts-noto-cjk"
    assert check_fonts("zh", [*latin, tmp_path / "NotoSansCJK-Regular.ttc"])[0].status == "ok"
    (none,) = check_fonts("en", [])
    assert none.status == "fail" and "fonts-dejavu-core" in none.fix


def test_preflight_prints_one_line_per_problem_and_one_command(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(qt_platform, "missing_libraries", lambda library: ["libxcb-icccm.so.4", "libGL.so.1"])
    monkeypatch.setattr(qt_platform, "qt_dir", lambda: fake_qt(tmp_path, "xcb"))
    monkeypatch.setenv("DISPLAY", "remote:0")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    with pytest.raises(PlatformError) as caught:
        require_qt_platform("en")
    lines = f"cockpit: {caught.value.line()}".splitlines()
    assert all(line.startswith("cockpit: ") for line in lines)
    assert lines[-1] == "cockpit: all at once: sudo apt install libxcb-icccm4 libgl1"


def test_run_without_a_screen_exits_with_the_fix_not_a_qt_abort() -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent"}  # no DISPLAY, WAYLAND_DISPLAY or QT_QPA_PLATFORM
    done = subprocess.run(
        [sys.executable, "-m", "cockpit", "--no-voice"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("cockpit: no X11 display") and "Traceback" not in done.stderr
    assert "xvfb-run" in done.stderr


def test_readme_lists_every_package_the_check_can_ask_for() -> None:
    listed = subprocess.run(
        [str(REPO / ".ci" / "system-packages")], capture_output=True, text=True, check=True
    ).stdout.split()
    wanted = set(qt_platform.PACKAGES.values()) | {
        qt_platform.BASE_FONT_PACKAGE,
        qt_platform.CJK_FONT_PACKAGE,
    }
    assert wanted <= set(listed), wanted - set(listed)
