"""The car's update client: TUF refresh, what is new, resumable verified download, safe install.

Metadata goes through ``tuf.ngclient.Updater`` (root rotation, signatures and thresholds, version and
expiry checks, length limits). Targets are downloaded here so that a download can resume, and verified
against the ``TargetFile`` the Updater returned before anything is installed. On top of TUF sit the
Uptane-style image checks: an ECU image must name an ECU of this car and its hardware id, and nothing
older than what is installed is ever offered.

Every refusal is a :class:`Refusal` with a stable ``code`` (for ``--json`` and tests) and a sentence
saying what happened and what to do; nothing is installed for it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from packaging.version import InvalidVersion, Version
from tuf.api import exceptions as tuf_errors
from tuf.api.metadata import Metadata, Root, TargetFile
from tuf.ngclient import Updater

from .fetch import RepoFetcher, TooLargeError, as_url, download_resumable
from .paths import REPOSITORY_FILE
from .policy import Conditions, Policy
from .repository import KIND_CONTENT, KIND_FIRMWARE
from .slots import SlotError, Slots

ProgressFn = Callable[[str, int, int], None]


@dataclass(frozen=True)
class EcuIdentity:
    hardware_id: str
    version: str | None  # None: no valid software (the ECU waits in its bootloader)


class Vehicle(Protocol):
    """What the client needs from the car: its state, its ECUs, and a way to flash one."""

    def conditions(self) -> Conditions: ...

    def ecus(self) -> dict[str, EcuIdentity]: ...

    def flash(self, ecu: str, image: bytes, progress: Callable[[int, int], None] | None) -> str | None:
        """Flash ``image`` into ``ecu``; None when it took, else what went wrong."""
        ...


@dataclass
class Refusal:
    code: str  # tampered, rollback, expired, bad-signature, too-large, wrong-ecu, unreachable, disk-full, ...
    reason: str


@dataclass
class Offer:
    name: str
    kind: str
    version: str
    length: int
    notes: str = ""
    ecu: str | None = None
    hardware_id: str | None = None
    contents: list[str] = field(default_factory=list)  # content: vehicle profile, map, voice model, app data
    installed: str | None = None  # the version the car has now
    refusal: Refusal | None = None

    @property
    def new(self) -> bool:
        return self.refusal is None and self.installed != self.version


@dataclass
class UpdateReport:
    offers: list[Offer] = field(default_factory=list)
    installed: list[str] = field(default_factory=list)
    problem: Refusal | None = None  # the whole update could not go on (metadata, network, conditions)
    waiting_for: list[str] = field(default_factory=list)  # why the install waits (conditions)

    def to_json(self) -> dict:
        return {
            "offers": [
                {
                    **{k: v for k, v in asdict(o).items() if k != "refusal"},
                    "new": o.new,
                    "refused": asdict(o.refusal) if o.refusal else None,
                }
                for o in self.offers
            ],
            "installed": self.installed,
            "problem": asdict(self.problem) if self.problem else None,
            "waiting_for": self.waiting_for,
        }


class NoTrustedRootError(Exception):
    pass


def _check_root(path: Path) -> None:
    """``path`` is root metadata signed by its own keys, or the car is not enrolled with it."""
    try:
        md = Metadata.from_file(str(path))
        if not isinstance(md.signed, Root):
            raise ValueError(f"it is {md.signed.type} metadata")
        md.verify_delegate(Root.type, md)
    except Exception as exc:  # tuf raises several types for a file that is not a signed root
        raise NoTrustedRootError(
            f"{path}: not signed TUF root metadata ({exc}); nothing enrolled. "
            "Use the repository's metadata/1.root.json from its owner"
        ) from None


def _newer(candidate: str, installed: str | None) -> bool | None:
    """Whether ``candidate`` is newer (None: the same version)."""
    if installed is None:
        return True
    if candidate == installed:
        return None
    try:
        return Version(candidate) > Version(installed)
    except InvalidVersion:
        return candidate > installed


def _metadata_refusal(exc: Exception, repo: str) -> Refusal:
    """A sentence for each way TUF refuses the repository's metadata."""
    if isinstance(exc, tuf_errors.ExpiredMetadataError):
        return Refusal(
            "expired",
            f"the update metadata has expired ({exc}): the repository may be frozen on old data. "
            "Nothing was installed; try again later or tell the vendor",
        )
    if isinstance(exc, tuf_errors.BadVersionNumberError):
        return Refusal(
            "rollback",
            f"the repository offered older metadata than this car has already seen ({exc}): "
            "a rollback attempt. Nothing was installed",
        )
    if isinstance(exc, tuf_errors.UnsignedMetadataError):
        return Refusal(
            "bad-signature",
            f"the update metadata is not signed by the keys this car trusts ({exc}): "
            "a wrong or revoked key. Nothing was installed",
        )
    if isinstance(exc, tuf_errors.DownloadLengthMismatchError):
        return Refusal("too-large", f"the repository sent oversized metadata ({exc}). Nothing was installed")
    if isinstance(exc, tuf_errors.DownloadError):
        return Refusal(
            "unreachable",
            f"cannot reach the update repository {repo} ({exc}). The car keeps its current software; "
            "check the connection and try again",
        )
    return Refusal(
        "bad-metadata",
        f"the update metadata was refused ({type(exc).__name__}: {exc}). Nothing was installed",
    )


class OtaClient:
    """One car's view of one repository; ``state_dir`` keeps trusted metadata, downloads and the slots."""

    def __init__(self, state_dir: Path, repo: str, trusted_root: Path | None = None) -> None:
        self.state_dir = state_dir
        self.repo = repo
        self.url = as_url(repo)
        self.metadata_dir = state_dir / "metadata"
        self.downloads = state_dir / "downloads"
        self.slots = Slots(state_dir / "content")
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        self.downloads.mkdir(parents=True, exist_ok=True)
        trusted = self.metadata_dir / "root.json"
        if not trusted.exists():
            if trusted_root is None:
                raise NoTrustedRootError(
                    f"this car trusts no update repository yet (no {trusted}). "
                    "Enrol one with --root ROOT.json from the repository's owner (its metadata/1.root.json)"
                )
            _check_root(trusted_root)
            shutil.copyfile(trusted_root, trusted)
            (state_dir / REPOSITORY_FILE).write_text(self.url, encoding="utf-8")
        self._updater: Updater | None = None

    # -- metadata ------------------------------------------------------------------------------------
    def refresh(self) -> list[tuple[str, TargetFile]]:
        """Every target of the freshly verified metadata (raises TUF's errors when it does not verify)."""
        self._updater = Updater(
            metadata_dir=str(self.metadata_dir),
            metadata_base_url=self.url + "metadata/",
            target_dir=str(self.downloads),
            target_base_url=self.url + "targets/",
            fetcher=RepoFetcher(),
            bootstrap=None,
        )
        self._updater.refresh()
        # The Updater keeps the verified targets metadata it just loaded on disk; its names are listed
        # here and each entry is asked for through the Updater's own API.
        names = Metadata.from_file(str(self.metadata_dir / "targets.json")).signed.targets
        out = []
        for name in sorted(names):
            info = self._updater.get_targetinfo(name)
            if info is not None:
                out.append((name, info))
        return out

    def offers(self, targets: list[tuple[str, TargetFile]], ecus: dict[str, EcuIdentity]) -> list[Offer]:
        contents = self.slots.installed_versions()
        out = []
        for name, info in targets:
            custom = info.custom or {}
            offer = Offer(
                name=name,
                kind=str(custom.get("kind", "?")),
                version=str(custom.get("version", "")),
                length=info.length,
                notes=str(custom.get("notes", "")),
                ecu=custom.get("ecu"),
                hardware_id=custom.get("hardware_id"),
                contents=[str(k) for k in custom.get("contents", [])],
            )
            if offer.kind == KIND_CONTENT:
                offer.installed = contents.get(name)
            elif offer.kind == KIND_FIRMWARE:
                offer.refusal = self._image_check(offer, ecus)
            else:
                offer.refusal = Refusal("unknown-kind", f"{name}: unknown kind {offer.kind!r}; not installed")
            if offer.refusal is None and _newer(offer.version, offer.installed) is False:
                what = f"{offer.ecu} firmware" if offer.ecu else name
                offer.refusal = Refusal(
                    "rollback",
                    f"{what} {offer.version} is older than the installed {offer.installed}: "
                    "a downgrade is never installed",
                )
            out.append(offer)
        return out

    @staticmethod
    def _image_check(offer: Offer, ecus: dict[str, EcuIdentity]) -> Refusal | None:
        ecu = ecus.get(str(offer.ecu))
        if ecu is None:
            return Refusal(
                "wrong-ecu",
                f"{offer.name} is for ECU {offer.ecu}, which this car does not have (it has "
                f"{', '.join(sorted(ecus)) or 'none that answered'}); not installed",
            )
        offer.installed = ecu.version
        if ecu.hardware_id.strip() != str(offer.hardware_id).strip():
            return Refusal(
                "wrong-hardware",
                f"{offer.name} is for {offer.ecu} hardware {offer.hardware_id}, this car's {offer.ecu} "
                f"is hardware {ecu.hardware_id}; not installed",
            )
        return None

    # -- targets -------------------------------------------------------------------------------------
    def fetch(self, offer: Offer, info: TargetFile, progress: ProgressFn | None = None) -> Path | Refusal:
        """The verified file of ``offer``, or why there is none (the partial download is kept on a
        network or disk problem, to resume; dropped when it cannot be right)."""
        part = self.downloads / f"{offer.name}.part"
        try:
            download_resumable(
                self.url + "targets/" + offer.name,
                part,
                info.length,
                (lambda done, total: progress(offer.name, done, total)) if progress else None,
            )
        except TooLargeError as exc:
            part.unlink(missing_ok=True)
            return Refusal("too-large", f"{offer.name}: {exc}; download dropped, nothing installed")
        except tuf_errors.DownloadError as exc:
            kept = part.stat().st_size if part.exists() else 0
            return Refusal(
                "unreachable",
                f"{offer.name}: download stopped ({exc}); {kept} of {info.length} bytes kept, "
                "run the update again to resume",
            )
        except OSError as exc:
            kept = part.stat().st_size if part.exists() else 0
            return Refusal(
                "disk-full",
                f"{offer.name}: cannot store the download ({exc.strerror or exc}); {kept} of {info.length} "
                f"bytes kept in {self.downloads}. Free some space and run the update again to resume",
            )
        try:
            with open(part, "rb") as f:
                info.verify_length_and_hashes(f)
        except tuf_errors.LengthOrHashMismatchError:
            part.unlink(missing_ok=True)
            return Refusal(
                "tampered",
                f"{offer.name} does not match its signed hash: it was altered on the way or on the server. "
                "The download was dropped; nothing was installed",
            )
        return part

    # -- the whole update ----------------------------------------------------------------------------
    def update(
        self,
        vehicle: Vehicle,
        policy: Policy | None = None,
        install: bool = True,
        progress: ProgressFn | None = None,
    ) -> UpdateReport:
        report = UpdateReport()
        try:
            targets = self.refresh()
        except (tuf_errors.RepositoryError, tuf_errors.DownloadError) as exc:
            report.problem = _metadata_refusal(exc, self.repo)
            return report
        infos = dict(targets)
        report.offers = self.offers(targets, vehicle.ecus())
        wanted = [o for o in report.offers if o.new]
        if not wanted or not install:
            return report
        report.waiting_for = (policy or Policy()).reasons_to_wait(vehicle.conditions())
        if report.waiting_for:
            return report
        files: dict[str, Path] = {}
        for offer in wanted:
            got = self.fetch(offer, infos[offer.name], progress)
            if isinstance(got, Refusal):
                offer.refusal = got
            else:
                files[offer.name] = got
        content = [o for o in wanted if o.kind == KIND_CONTENT and o.name in files]
        if content:
            try:
                slot = self.slots.stage([(o.name, files[o.name], o.version) for o in content])
                self.slots.switch(slot)
                report.installed += [o.name for o in content]
            except (SlotError, OSError) as exc:
                for o in content:
                    o.refusal = Refusal(
                        "install-failed", f"{o.name}: {exc}; the car stays on its current content"
                    )
        for offer in (o for o in wanted if o.kind == KIND_FIRMWARE and o.name in files):
            problem = vehicle.flash(
                str(offer.ecu),
                files[offer.name].read_bytes(),
                (lambda d, t, n=f"{offer.name} → {offer.ecu}": progress(n, d, t)) if progress else None,
            )
            if problem is None:
                report.installed.append(offer.name)
            else:
                offer.refusal = Refusal("flash-failed", problem)
        for name in report.installed:
            (self.downloads / f"{name}.part").unlink(missing_ok=True)
        return report
