"""Content installed over the air, as the head unit's loaders see it: one resolver over the active A/B slot.

Each loader asks here first and falls back to its own places when the slot has nothing of its kind:

- vehicle profiles: a folder holding ``vehicle.toml`` (the bundle itself or a folder in it), for
  ``vehicle_profile.profile_folders``;
- maps: a ``*.navmap.npz`` map cache, else a ``*.osm.pbf`` extract, for ``navigation.map_source.open_map``;
- voice models: a Vosk model folder (``am/final.mdl``) or a ``whisper-tiny.en`` CTranslate2 folder, handed
  to ``voice.engines`` (voice does not import cockpit);
- app data: intent templates ``intents/LANG.yaml``, merged over the shipped ones and under a user's own.

What a bundle holds is read from its file names (:func:`content_kind`: the publisher reads them from the
tar archive, the resolver from the slot's manifest, which lists exactly the files the health check
verified), so one bundle may carry several kinds, and a bundle's name says nothing about what it is.
Bundles are taken in name order; the first map found is the map.

The slot is read once, when the resolver is made (:meth:`InstalledContent.at_start` at the start of a
session, after the slot's health check): a running head unit keeps the content it started with, and an
update that switches slots takes effect at the next start, where a failed check rolls it back first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .paths import default_state_dir
from .slots import MANIFEST, Slots

PROFILE, MAP, VOICE_MODEL, APP_DATA = "vehicle profile", "map", "voice model", "app data"
PROFILE_FILE = "vehicle.toml"
MAP_CACHE_SUFFIX, MAP_EXTRACT_SUFFIX = ".navmap.npz", ".osm.pbf"
WHISPER_FOLDER = "whisper-tiny.en"  # voice.engines.whisper_models.MODEL_NAME, the one model Whisper loads


def content_kind(rel: str) -> str | None:
    """What the head unit does with the file at ``rel`` (a path inside a bundle or a slot), if anything.

    Only the file that marks a kind is named: a profile's ``vehicle.toml``, a map file, a Vosk model's
    ``am/final.mdl`` or a Whisper folder's ``model.bin``, an ``intents/LANG.yaml``.
    """
    path = PurePosixPath(rel)
    if path.name == PROFILE_FILE:
        return PROFILE
    if path.name.endswith((MAP_CACHE_SUFFIX, MAP_EXTRACT_SUFFIX)):
        return MAP
    if (path.name, path.parent.name) in (("final.mdl", "am"), ("model.bin", WHISPER_FOLDER)):
        return VOICE_MODEL
    if path.parent.name == "intents" and path.suffix == ".yaml":
        return APP_DATA
    return None


def content_kinds(names: Iterable[str]) -> list[str]:
    """The kinds a bundle with these file names carries, in a fixed order."""
    found = {content_kind(name) for name in names}
    return [kind for kind in (PROFILE, MAP, VOICE_MODEL, APP_DATA) if kind in found]


@dataclass(frozen=True)
class InstalledMap:
    path: Path  # a map cache or an OSM extract inside the slot
    cache_dir: Path | None  # where an extract's import goes: a folder per content hash, never the slot


@dataclass(frozen=True)
class InstalledContent:
    slot_dir: Path | None  # None: nothing was ever installed
    slot: str = ""
    manifest: dict = field(default_factory=dict)

    @classmethod
    def active(cls, state_dir: Path | None = None) -> InstalledContent:
        """The active slot as it is now (no health check: see :meth:`at_start`)."""
        slots = Slots((state_dir or default_state_dir()) / "content")
        if not slots.boot_file.exists():
            return cls(None)
        slot = slots.active()
        folder = slots.slot_dir(slot)
        if not (folder / MANIFEST).is_file():
            return cls(None)
        return cls(folder, slot, slots.manifest(slot))

    @classmethod
    def at_start(cls, state_dir: Path | None = None) -> tuple[InstalledContent, str | None]:
        """The slot's health check (rollback of a failed update), then the active slot; and the sentence to
        show when the check rolled an update back."""
        from .paths import check_content_at_start

        try:
            notice = check_content_at_start(state_dir)
        except OSError as exc:
            # A slot on trial cannot be confirmed or rolled back without writing boot.json: run on what
            # shipped rather than on content nobody checked.
            folder = (state_dir or default_state_dir()) / "content"
            return cls(None), (
                f"Installed updates are not used: {folder} cannot be written ({exc.strerror or exc}). "
                "Make it writable and restart"
            )
        return cls.active(state_dir), notice

    # -- what the slot holds ---------------------------------------------------------------------------------
    def _files(self, kind: str) -> list[Path]:
        """The files of ``kind`` that the manifest lists (what the health check verified), bundles in name
        order, each bundle's files in path order."""
        if self.slot_dir is None:
            return []
        bundles = self.manifest.get("bundles", {})
        rels = (sorted(bundles[name].get("files", {})) for name in sorted(bundles))
        return [self.slot_dir / rel for files in rels for rel in files if content_kind(rel) == kind]

    def vehicle_profiles(self) -> dict[str, Path]:
        """Profile name → folder; a bundle that is itself a profile is named after the bundle."""
        found: dict[str, Path] = {}
        for marker in self._files(PROFILE):
            found.setdefault(marker.parent.name, marker.parent)
        return found

    def map(self) -> InstalledMap | None:
        """The installed map: the first map cache, else the first OSM extract (imported once per content)."""
        maps = self._files(MAP)
        caches = [m for m in maps if m.name.endswith(MAP_CACHE_SUFFIX)]
        if caches:
            return InstalledMap(caches[0], None)
        if not maps:
            return None
        return InstalledMap(maps[0], self._import_dir(maps[0]))

    def _import_dir(self, extract: Path) -> Path:
        # The slot stays exactly as the manifest lists it (its health check), and a cache keyed by name and
        # time could belong to an older extract of the same name: key it by the extract's SHA-256.
        from ..navigation.mapdata import maps_dir

        assert self.slot_dir is not None
        rel = str(extract.relative_to(self.slot_dir))
        digest = next(
            (b["files"][rel] for b in self.manifest.get("bundles", {}).values() if rel in b.get("files", {})),
            self.slot,
        )
        return maps_dir() / "ota" / digest[:16]

    def voice_model_dirs(self) -> list[Path]:
        """Model folders: a Vosk model (the folder above ``am/final.mdl``), a Whisper folder."""
        return sorted(
            {m.parent.parent if m.name == "final.mdl" else m.parent for m in self._files(VOICE_MODEL)}
        )

    def intent_files(self, language: str) -> list[Path]:
        """Intent templates for ``language`` (``intents/LANG.yaml`` in a bundle)."""
        return [f for f in self._files(APP_DATA) if f.name == f"{language}.yaml"]

    def kinds(self) -> dict[str, list[str]]:
        """Bundle name → the kinds it carries (for ``cockpit ota status``)."""
        bundles = self.manifest.get("bundles", {}) if self.slot_dir is not None else {}
        return {name: content_kinds(b.get("files", {})) for name, b in sorted(bundles.items())}
