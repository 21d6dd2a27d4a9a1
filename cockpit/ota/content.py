"""Content installed over the air, as the head unit's loaders see it: one resolver over the active A/B slot.

Each loader asks here first and falls back to its own places when the slot has nothing of its kind:

- vehicle profiles: a folder holding ``vehicle.toml`` (the bundle itself or a folder in it), for
  ``vehicle_profile.profile_folders``;
- maps: a ``*.navmap.npz`` map cache, else a ``*.osm.pbf`` extract, for ``navigation.map_source.open_map``;
- voice models: a Vosk model folder (``am/final.mdl``) or a ``whisper-tiny.en`` CTranslate2 folder, handed
  to ``voice.engines`` (voice does not import cockpit);
- app data: intent templates ``intents/LANG.yaml``, merged over the shipped ones and under a user's own.

What a bundle holds is read from its files, so one bundle may carry several kinds, and a bundle's name says
nothing about what it is. Bundles are taken in name order; the first map found is the map.

The slot is read once, when the resolver is made (:meth:`InstalledContent.at_start` at the start of a
session, after the slot's health check): a running head unit keeps the content it started with, and an
update that switches slots takes effect at the next start, where a failed check rolls it back first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .paths import default_state_dir
from .slots import MANIFEST, Slots

PROFILE_FILE = "vehicle.toml"
MAP_CACHE_SUFFIX, MAP_EXTRACT_SUFFIX = ".navmap.npz", ".osm.pbf"
VOSK_MARKER = Path("am") / "final.mdl"
WHISPER_MARKER = "model.bin"


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
    def bundles(self) -> list[Path]:
        if self.slot_dir is None:
            return []
        return sorted(p for p in self.slot_dir.iterdir() if p.is_dir())

    def _files(self, pattern: str) -> list[Path]:
        return [f for bundle in self.bundles() for f in sorted(bundle.rglob(pattern)) if f.is_file()]

    def vehicle_profiles(self) -> dict[str, Path]:
        """Profile name → folder; a bundle that is itself a profile is named after the bundle."""
        found: dict[str, Path] = {}
        for marker in self._files(PROFILE_FILE):
            found.setdefault(marker.parent.name, marker.parent)
        return found

    def map(self) -> InstalledMap | None:
        """The installed map: the first map cache, else the first OSM extract (imported once per content)."""
        caches = self._files("*" + MAP_CACHE_SUFFIX)
        if caches:
            return InstalledMap(caches[0], None)
        extracts = self._files("*" + MAP_EXTRACT_SUFFIX)
        if not extracts:
            return None
        return InstalledMap(extracts[0], self._import_dir(extracts[0]))

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
        """Folders holding a Vosk model (``am/final.mdl``) or a Whisper model (``model.bin``)."""
        vosk = [
            f.parent.parent for f in self._files(VOSK_MARKER.name) if f.parent.name == VOSK_MARKER.parent.name
        ]
        whisper = [f.parent for f in self._files(WHISPER_MARKER)]
        return sorted(set(vosk + whisper))

    def intent_files(self, language: str) -> list[Path]:
        """Intent templates for ``language`` (``intents/LANG.yaml`` in a bundle)."""
        return [f for f in self._files(f"{language}.yaml") if f.parent.name == "intents"]
