"""Publishing: a TUF repository on disk, signed with the offline keys of ``keys.py``.

Layout (what ``tuf.ngclient.Updater`` fetches, without consistent snapshots so a plain web server or a
folder serves it): ``metadata/{N.root.json,root.json,targets.json,snapshot.json,timestamp.json}`` and
``targets/<name>``. Each publish adds or replaces artifacts, bumps targets → snapshot → timestamp and
signs each with its role's key, so a client can tell every new state from every older one.

Target entries carry Uptane-style custom fields: ``kind`` (``content`` or ``ecu-firmware``), ``version``,
``notes``, for content ``contents`` (what the head unit reads from it: ``content.content_kinds``), and for
firmware ``ecu`` and ``hardware_id`` (read from the image's own header).
"""

from __future__ import annotations

import os
import shutil
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tuf.api.metadata import Metadata, MetaFile, Root, Snapshot, TargetFile, Targets, Timestamp
from tuf.api.serialization.json import JSONSerializer

from vehicle_bus.diagnostics import firmware_image
from vehicle_bus.errors import InputError

from . import keys as keystore
from .content import content_kinds

# How long each role's signature holds: the timestamp is re-signed often, so it expires first; a client
# that sees no fresher one in a day knows it is being kept on old metadata (a freeze attack).
LIFETIMES = {
    "root": timedelta(days=365),
    "targets": timedelta(days=90),
    "snapshot": timedelta(days=7),
    "timestamp": timedelta(days=1),
}
KIND_CONTENT, KIND_FIRMWARE = "content", "ecu-firmware"
SPEC_VERSION = "1.0.31"


class RepositoryError(InputError):
    """A repository or artifact that cannot be published."""


@dataclass(frozen=True)
class Published:
    name: str
    length: int
    custom: dict


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _write_atomic(md: Metadata, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    md.to_file(str(tmp), JSONSerializer(compact=False))
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def artifact_fields(path: Path, version: str | None, notes: str | None) -> dict:
    """The custom fields of ``path``'s target entry; firmware fields come from the image header."""
    with open(path, "rb") as f:
        head = f.read(firmware_image.HEADER_LIMIT + 8)
    if firmware_image.is_image(head):
        try:
            header = firmware_image.read_header(head)
        except firmware_image.ImageError as exc:
            raise RepositoryError(str(exc), where=str(path)) from None
        if version and version != header["version"]:
            raise RepositoryError(
                f"--version {version} but the image says {header['version']}",
                where=str(path),
                fix="Leave --version out for firmware: the image's own header is its version",
            )
        custom = {
            "kind": KIND_FIRMWARE,
            "ecu": header["ecu"],
            "hardware_id": header["hardware_id"],
            "version": header["version"],
        }
    elif tarfile.is_tarfile(path):
        try:
            with tarfile.open(path) as tar:
                names = [m.name for m in tar.getmembers() if m.isfile()]
        except (tarfile.TarError, OSError, EOFError) as exc:
            raise RepositoryError(f"a damaged tar archive ({exc})", where=str(path)) from None
        # What the head unit will do with it, shown in the car before it is installed.
        custom = {"kind": KIND_CONTENT, "version": version, "contents": content_kinds(names)}
    else:
        raise RepositoryError(
            "neither a content bundle (a tar archive) nor a firmware image (SCFW header)",
            where=str(path),
            fix="Pack head-unit content with: tar czf NAME.tar.gz FOLDER",
        )
    if notes:
        custom["notes"] = notes
    return custom


class Repository:
    """A repository folder and the keys folder that signs it."""

    def __init__(self, repo_dir: Path, keys_dir: Path) -> None:
        self.dir = repo_dir
        self.keys_dir = keys_dir
        self.metadata_dir = repo_dir / "metadata"
        self.targets_dir = repo_dir / "targets"

    # -- reading ---------------------------------------------------------------------------------------
    def _path(self, role: str) -> Path:
        return self.metadata_dir / f"{role}.json"

    def load(self, role: str) -> Metadata:
        try:
            return Metadata.from_file(str(self._path(role)))
        except FileNotFoundError:
            raise RepositoryError(f"no {role} metadata", where=str(self._path(role))) from None
        except Exception as exc:
            raise RepositoryError(
                f"unreadable {role} metadata ({exc})", where=str(self._path(role))
            ) from None

    def exists(self) -> bool:
        return self._path("root").exists()

    # -- writing ---------------------------------------------------------------------------------------
    def _sign_and_write(self, md: Metadata, role: str, lifetime: timedelta | None = None) -> None:
        md.signed.expires = _now() + (lifetime if lifetime is not None else LIFETIMES[role])
        md.signatures.clear()
        md.sign(keystore.load_signer(self.keys_dir, role))
        if role == "root":
            _write_atomic(md, self.metadata_dir / f"{md.signed.version}.root.json")
        _write_atomic(md, self._path(role))

    def create(self) -> None:
        """Root, empty targets, snapshot and timestamp, each version 1."""
        if self.exists():
            return
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        self.targets_dir.mkdir(parents=True, exist_ok=True)
        root = Root(consistent_snapshot=False)
        for role in keystore.ROLES:
            root.add_key(keystore.load_public(self.keys_dir, role), role)
        self._sign_and_write(Metadata(root), "root")
        self._sign_and_write(Metadata(Targets()), "targets")
        self.resign_snapshot_and_timestamp()

    def add(
        self, artifacts: Iterable[Path], version: str | None = None, notes: str | None = None
    ) -> list[Published]:
        """Copy ``artifacts`` into the repository and sign new targets, snapshot and timestamp."""
        self.create()
        targets = self.load("targets")
        new_version = targets.signed.version + 1
        published = []
        for path in artifacts:
            if not path.is_file():
                raise RepositoryError("no such artifact file", where=str(path))
            custom = artifact_fields(path, version, notes)
            if custom["kind"] == KIND_CONTENT and custom["version"] is None:
                custom["version"] = str(new_version)  # the repository's own counter: always newer
            tmp = self.targets_dir / f".{path.name}.tmp"
            shutil.copyfile(path, tmp)
            os.replace(tmp, self.targets_dir / path.name)
            info = TargetFile.from_file(path.name, str(self.targets_dir / path.name), ["sha256"])
            info.unrecognized_fields["custom"] = custom
            targets.signed.targets[path.name] = info
            published.append(Published(path.name, info.length, custom))
        targets.signed.version = new_version
        self._sign_and_write(targets, "targets")
        self.resign_snapshot_and_timestamp()
        return published

    def _next(self, role: str, kind: type[Snapshot] | type[Timestamp]) -> Metadata:
        """``role``'s metadata with the next version number (version 1 when there is none yet)."""
        if not self._path(role).exists():
            return Metadata(kind())
        md = self.load(role)
        md.signed.version += 1
        return md

    def resign_snapshot_and_timestamp(self, timestamp_lifetime: timedelta | None = None) -> None:
        targets_version = self.load("targets").signed.version
        snapshot = self._next("snapshot", Snapshot)
        snapshot.signed.meta["targets.json"] = MetaFile(targets_version)
        self._sign_and_write(snapshot, "snapshot")
        self.resign_timestamp(timestamp_lifetime)

    def resign_timestamp(self, lifetime: timedelta | None = None) -> None:
        """A fresh timestamp (what a repository's cron does between publishes)."""
        stamp = self._next("timestamp", Timestamp)
        stamp.signed.snapshot_meta = MetaFile(self.load("snapshot").signed.version)
        self._sign_and_write(stamp, "timestamp", lifetime)

    def rotate(self, role: str) -> str:
        """Replace ``role``'s key (revoking the old one) in a new root signed by the old and new root keys.

        Returns the new key id. Metadata the old key signed is refused by clients from then on.
        """
        if role not in keystore.ROLES:
            raise RepositoryError(f"unknown role {role!r}", fix="Roles: " + ", ".join(keystore.ROLES))
        from securesystemslib.signer import CryptoSigner

        root = self.load("root")
        old_root_signer = keystore.load_signer(self.keys_dir, "root")
        for keyid in list(root.signed.roles[role].keyids):
            root.signed.revoke_key(keyid, role)
        signer = CryptoSigner.generate_ed25519()
        keystore.write_signer(self.keys_dir, role, signer)
        root.signed.add_key(signer.public_key, role)
        root.signed.version += 1
        root.signed.expires = _now() + LIFETIMES["root"]
        root.signatures.clear()
        # A new root must carry the signatures of the old root's keys too, or clients cannot follow it.
        if role == "root":
            root.sign(old_root_signer, append=True)
        root.sign(keystore.load_signer(self.keys_dir, "root"), append=True)
        _write_atomic(root, self.metadata_dir / f"{root.signed.version}.root.json")
        _write_atomic(root, self._path("root"))
        # Everything the rotated role signs is signed again with its new key.
        if role == "targets":
            targets = self.load("targets")
            targets.signed.version += 1
            self._sign_and_write(targets, "targets")
        if role in ("targets", "snapshot"):
            self.resign_snapshot_and_timestamp()
        elif role == "timestamp":
            self.resign_timestamp()
        return signer.public_key.keyid
