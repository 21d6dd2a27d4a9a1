"""What Qt's platform plugin needs, checked before Qt starts, so a missing piece is named, not aborted on.

Qt aborts the whole process when its platform plugin cannot load, and its message names the wrong library
(it suggests ``libxcb-cursor0`` whatever is missing). Here the plugin Qt would choose is found in the
PySide6 wheel, its shared libraries are resolved the way the loader resolves them (``ldd``, which follows
the wheel's RPATH to its own Qt libraries), and every library that is not found is mapped to the Debian
package that ships it. The screen (X11 display, Wayland socket, DRM device) and the fonts the chosen
language needs are checked too. Nothing here imports Qt: that is the point.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from .check import Check

# Shared library → Debian 12 / Raspberry Pi OS package: what `ldd` found missing on a clean Debian 12 for
# libqxcb.so, libqoffscreen.so, libqwayland.so, libqeglfs.so and eglfs's KMS integration (docs/first-run.md),
# mapped with `dpkg -S`. The libraries these pull in come with their packages; README lists every package.
PACKAGES = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libdrm.so.2": "libdrm2",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgbm.so.1": "libgbm1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
}
# Qt's platforms that draw into memory: no screen and no system library beyond Qt's own needed.
NO_SCREEN = ("offscreen", "minimal")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".pfb", ".pcf", ".pcf.gz", ".otb")
# File names of fonts with Chinese glyphs: Noto CJK, Source Han, WenQuanYi, Droid fallback, AR PL.
CJK_FONT = re.compile(r"CJK|SourceHan|wqy|DroidSansFallback|uming|ukai|NotoS[ae][nr]s?[^/]*SC", re.IGNORECASE)
BASE_FONT_PACKAGE = "fonts-dejavu-core"
CJK_FONT_PACKAGE = "fonts-noto-cjk"


def chosen_platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt would try, in order (QT_QPA_PLATFORM, else by the desktop session)."""
    forced = env.get("QT_QPA_PLATFORM", "").strip()
    if forced:
        # "wayland;xcb" is a list to try; "eglfs:/dev/fb1" carries options after the colon.
        return [name.split(":")[0].strip() for name in forced.split(";") if name.strip()]
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "wayland") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def qt_dir() -> Path | None:
    """The PySide6 wheel's Qt folder, found without importing PySide6 (importing it can abort)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "Qt"


def plugin_file(qt: Path, platform: str) -> Path:
    name = "wayland" if platform.startswith("wayland") else platform
    return qt / "plugins" / "platforms" / f"libq{name}.so"


def missing_libraries(library: Path) -> list[str]:
    """Shared libraries ``library`` needs (directly or through another) that the loader cannot find."""
    ldd = shutil.which("ldd")
    if ldd:
        done = subprocess.run([ldd, str(library)], capture_output=True, text=True, check=False)
        found = re.findall(r"^\s*(\S+) => not found", done.stdout, re.MULTILINE)
        return list(dict.fromkeys(found))
    # No ldd (not a glibc system): the loader names the first library it misses.
    try:
        ctypes.CDLL(str(library))
    except OSError as exc:
        match = re.search(r"([\w.+-]+\.so[\w.]*): cannot open shared object", str(exc))
        return [match.group(1)] if match else [str(exc)]
    return []


def package_for(library: str) -> str:
    return PACKAGES.get(library, "")


def check_screen(platform: str, env: Mapping[str, str], dev: Path = Path("/dev")) -> Check | None:
    """A problem with the screen the platform draws on, or None."""
    if platform == "xcb":
        display = env.get("DISPLAY", "")
        if not display:
            return Check(
                "display",
                "fail",
                "no X11 display (DISPLAY is not set) for Qt's xcb platform",
                "Start it from the desktop; without one: QT_QPA_PLATFORM=eglfs cockpit --kiosk, or "
                "xvfb-run cockpit (sudo apt install xvfb)",
            )
        match = re.fullmatch(r":(\d+)(\.\d+)?", display)
        socket = Path(f"/tmp/.X11-unix/X{match.group(1)}") if match else None
        if socket is not None and not socket.exists():
            return Check(
                "display",
                "fail",
                f"DISPLAY={display} but no X server listens on {socket}",
                "Start it from the desktop session, or check DISPLAY",
            )
        return None
    if platform == "wayland":
        name = env.get("WAYLAND_DISPLAY", "")
        if not name:
            return Check(
                "display",
                "fail",
                "no Wayland display (WAYLAND_DISPLAY is not set) for Qt's wayland platform",
                "Start it from the desktop session (labwc on a Pi), or use QT_QPA_PLATFORM=eglfs",
            )
        socket = Path(name) if name.startswith("/") else Path(env.get("XDG_RUNTIME_DIR", "/run/user")) / name
        if not socket.exists():
            return Check(
                "display",
                "fail",
                f"WAYLAND_DISPLAY={name} but there is no socket {socket}",
                "Start it from the desktop session (XDG_RUNTIME_DIR must be the session's)",
            )
        return None
    if platform == "eglfs":
        if not sorted((dev / "dri").glob("card*")):
            return Check(
                "display",
                "fail",
                f"QT_QPA_PLATFORM=eglfs but there is no {dev / 'dri' / 'card*'}",
                "Enable KMS (dtoverlay=vc4-kms-v3d in /boot/firmware/config.txt) and reboot",
            )
        return None
    if platform == "linuxfb" and not (dev / "fb0").exists():
        return Check(
            "display",
            "fail",
            f"QT_QPA_PLATFORM=linuxfb but there is no {dev / 'fb0'}",
            "Use eglfs with KMS, or enable the framebuffer console",
        )
    return None


def font_files(dirs: tuple[str, ...] = FONT_DIRS) -> list[Path]:
    files: list[Path] = []
    for folder in dirs:
        root = Path(folder).expanduser()
        if root.is_dir():
            files += [p for p in root.rglob("*") if p.name.lower().endswith(FONT_SUFFIXES)]
    return files


def check_fonts(lang: str, files: list[Path] | None = None) -> list[Check]:
    files = font_files() if files is None else files
    if not files:
        return [
            Check(
                "fonts",
                "fail",
                "no fonts installed: every label would be blank",
                f"sudo apt install {BASE_FONT_PACKAGE}",
            )
        ]
    if lang == "zh" and not any(CJK_FONT.search(p.name) for p in files):
        return [
            Check(
                "fonts",
                "fail",
                "no Chinese (CJK) font for --lang zh: Chinese text would show as boxes",
                f"sudo apt install {CJK_FONT_PACKAGE}",
            )
        ]
    return [Check("fonts", "ok", f"{len(files)} font files" + (", with CJK" if lang == "zh" else ""))]


def check_qt_platform(
    env: Mapping[str, str] | None = None, lang: str = "en", qt: Path | None = None
) -> list[Check]:
    """Everything Qt's platform plugin needs to start; a fail means Qt would abort or show nothing."""
    env = os.environ if env is None else env
    qt = qt or qt_dir()
    if qt is None:
        return [Check("Qt", "fail", "PySide6 is not installed", "pip install PySide6-Essentials")]
    candidates = chosen_platforms(env)
    problems: dict[str, list[Check]] = {}
    for platform in candidates:
        found = problems[platform] = []
        plugin = plugin_file(qt, platform)
        if not plugin.exists():
            found.append(
                Check(
                    "Qt platform",
                    "fail",
                    f"Qt has no {platform!r} platform plugin ({plugin} is missing)",
                    "Use one of: " + ", ".join(sorted(known_platforms(qt))),
                )
            )
            continue
        if platform not in NO_SCREEN and (screen := check_screen(platform, env)) is not None:
            found.append(screen)
        by_fix: dict[str, list[str]] = {}
        for library in missing_libraries(plugin):
            by_fix.setdefault(library_fix(library), []).append(library)
        found += [
            Check(
                "Qt library",
                "fail",
                f"Qt's {platform} platform plugin needs {', '.join(libs)}: not found",
                fix,
            )
            for fix, libs in by_fix.items()
        ]
        if not found:
            # Qt takes the first plugin that loads; the others do not matter.
            ok = Check("Qt platform", "ok", f"{platform} ({plugin.name} loads)")
            return [ok, *check_helpers(qt, platform), *check_fonts(lang)]
    # None of them would start: report the first one's problems (the one the user asked for or expects).
    return problems[candidates[0]] + check_fonts(lang)


def library_fix(library: str) -> str:
    if library.startswith("libQt6"):
        # Qt's own libraries come with the wheel; one missing means a broken or partial PySide6 install.
        return "pip install --force-reinstall PySide6-Essentials"
    package = package_for(library)
    return f"sudo apt install {package}" if package else f"install the package that has {library}"


def check_helpers(qt: Path, platform: str) -> list[Check]:
    """eglfs draws through a device integration it picks at run time (KMS/GBM on a Pi); if that one cannot
    load, eglfs falls back to another, so it is a warning. System libraries it lacks are named all the same.
    """
    if platform != "eglfs":
        return []
    kms = qt / "plugins" / "egldeviceintegrations" / "libqeglfs-kms-integration.so"
    missing = missing_libraries(kms) if kms.exists() else [kms.name]
    if not missing:
        return []
    fixes = sorted({package_for(m) for m in missing if package_for(m)})
    return [
        Check(
            "eglfs KMS",
            "warn",
            f"eglfs's KMS/GBM integration cannot load ({', '.join(missing)} not found): eglfs falls back to "
            "its other integrations",
            f"sudo apt install {' '.join(fixes)}"
            if fixes
            else "Use the desktop (wayland/xcb) if eglfs shows nothing",
        )
    ]


def known_platforms(qt: Path) -> list[str]:
    folder = qt / "plugins" / "platforms"
    return [p.name[4:-3] for p in folder.glob("libq*.so")] if folder.is_dir() else []
