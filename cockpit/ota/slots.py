"""A/B content slots: head-unit content is installed into the slot not in use and switched to atomically.

``ROOT/slots/a`` and ``ROOT/slots/b`` hold content; ``ROOT/boot.json`` says which is active (the one
truth, replaced with write-fsync-rename) and ``ROOT/current`` is a symlink to it for readers (replaced by
rename too, and repaired from ``boot.json`` at start). A new slot starts on trial: the next start runs
its health check (every file the manifest lists is there with its SHA-256) and keeps it, or switches back
to the previous slot and records why. A start that dies before the check counts as a failed try.

A power cut at any point leaves either the old state (nothing switched: the half-written slot is rebuilt
at the next install) or the new one on trial; never a mix.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

from vehicle_bus.archive import extract_tar

SLOTS = ("a", "b")
MANIFEST = "manifest.json"
MAX_TRIES = 2  # starts a slot on trial gets before it is given up


class SlotError(Exception):
    """A bundle that cannot be unpacked into a slot (the active slot is untouched)."""


@dataclass(frozen=True)
class BootResult:
    active: str
    confirmed: bool  # a slot on trial passed its health check at this start
    rolled_back: str | None  # why the new slot was given up, if it was


def fsync_replace(tmp: Path, path: Path) -> None:
    """``tmp`` becomes ``path`` atomically and durably (the data, then the rename in its folder)."""
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


class Slots:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.boot_file = root / "boot.json"
        self.current = root / "current"

    # -- state ---------------------------------------------------------------------------------------
    def state(self) -> dict:
        try:
            return json.loads(self.boot_file.read_text())
        except FileNotFoundError:
            return {"active": "a", "previous": None, "trial": False, "tries": 0, "last_rollback": None}
        except ValueError:
            # boot.json is only ever replaced whole, so this is damage from outside: stay on what works.
            return {
                "active": "a",
                "previous": None,
                "trial": False,
                "tries": 0,
                "last_rollback": "boot.json damaged",
            }

    def _write_state(self, state: dict) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = self.boot_file.with_name("boot.json.tmp")
        tmp.write_text(json.dumps(state, indent=2))
        fsync_replace(tmp, self.boot_file)
        self._point_current(state["active"])

    def _point_current(self, slot: str) -> None:
        target = Path("slots") / slot
        if self.current.is_symlink() and Path(os.readlink(self.current)) == target:
            return
        tmp = self.root / "current.tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        tmp.symlink_to(target)
        os.replace(tmp, self.current)

    def slot_dir(self, slot: str) -> Path:
        return self.root / "slots" / slot

    def active(self) -> str:
        return self.state()["active"]

    def inactive(self) -> str:
        return SLOTS[1 - SLOTS.index(self.active())]

    def manifest(self, slot: str | None = None) -> dict:
        path = self.slot_dir(slot or self.active()) / MANIFEST
        try:
            return json.loads(path.read_text())
        except (FileNotFoundError, ValueError):
            return {"bundles": {}}

    def installed_versions(self) -> dict[str, str]:
        return {name: b["version"] for name, b in self.manifest()["bundles"].items()}

    # -- install -------------------------------------------------------------------------------------
    def stage(self, bundles: list[tuple[str, Path, str]]) -> str:
        """The inactive slot made from the active one plus ``bundles`` (name, tar file, version).

        Nothing the car runs on is touched: a failure here leaves the active slot as it was.
        """
        source, target = self.slot_dir(self.active()), self.slot_dir(self.inactive())
        if target.exists():
            shutil.rmtree(target)
        if source.exists():
            shutil.copytree(source, target, symlinks=True)
        else:
            target.mkdir(parents=True)
        manifest = self.manifest()
        for name, path, version in bundles:
            folder = target / bundle_folder(name)
            if folder.exists():
                shutil.rmtree(folder)
            folder.mkdir()
            try:
                with tarfile.open(path) as tar:
                    extract_tar(tar, folder)  # refuses absolute paths, .. and devices
            except (tarfile.TarError, OSError) as exc:
                raise SlotError(f"{name}: cannot unpack ({exc})") from None
            files = {str(p.relative_to(target)): _sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}
            manifest["bundles"][name] = {"version": version, "files": files}
        tmp = target / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, indent=2))
        fsync_replace(tmp, target / MANIFEST)
        return self.inactive()

    def switch(self, slot: str) -> None:
        """Make ``slot`` active on trial (one atomic write); the next start checks it."""
        state = self.state()
        state.update(active=slot, previous=state["active"], trial=True, tries=0)
        self._write_state(state)

    # -- start ---------------------------------------------------------------------------------------
    def health_problem(self, slot: str) -> str | None:
        """Why ``slot`` cannot be run (None: it is whole)."""
        path = self.slot_dir(slot) / MANIFEST
        try:
            manifest = json.loads(path.read_text())
        except FileNotFoundError:
            return f"slot {slot} has no manifest (the install did not finish)"
        except ValueError:
            return f"slot {slot}: manifest damaged"
        for name, bundle in manifest.get("bundles", {}).items():
            for rel, digest in bundle.get("files", {}).items():
                file = self.slot_dir(slot) / rel
                if not file.is_file():
                    return f"{name}: {rel} is missing"
                if _sha256(file) != digest:
                    return f"{name}: {rel} is damaged"
        return None

    def boot(self) -> BootResult:
        """At start: repair the ``current`` link, check a slot on trial, keep it or roll back."""
        state = self.state()
        if not state["trial"]:
            if self.boot_file.exists():
                self._point_current(state["active"])
            return BootResult(state["active"], False, None)
        state["tries"] += 1
        self._write_state(state)  # counted before the check: a start that dies in it still counts
        problem = self.health_problem(state["active"])
        if problem is None and state["tries"] > MAX_TRIES:
            problem = f"slot {state['active']} did not finish starting {MAX_TRIES} times"
        if problem is None:
            state.update(trial=False, tries=0)
            self._write_state(state)
            return BootResult(state["active"], True, None)
        failed = state["active"]
        state.update(
            active=state["previous"] or failed,
            previous=failed,
            trial=False,
            tries=0,
            last_rollback={"slot": failed, "reason": problem, "time": int(time.time())},
        )
        self._write_state(state)
        return BootResult(state["active"], False, problem)


def bundle_folder(name: str) -> str:
    """``maps-monaco.tar.gz`` → ``maps-monaco``: where a bundle's files live in a slot."""
    for suffix in (".tar.gz", ".tgz", ".tar.xz", ".tar.bz2", ".tar"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name
