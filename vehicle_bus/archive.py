"""Unpacking a tar archive safely on every Python this project supports.

``TarFile.extractall(filter="data")`` refuses absolute paths, ``..``, links that leave the destination and
device files, but the ``filter`` argument only exists from Python 3.11.4: Debian 12 ships 3.11.2, where it
is a ``TypeError``. There the same checks are made here before a plain ``extractall``.
"""

from __future__ import annotations

import os
import tarfile
from pathlib import Path


def extract_tar(tar: tarfile.TarFile, dest: str | os.PathLike[str]) -> None:
    """Unpack every member of ``tar`` into ``dest``; a member that would land outside it is a ``TarError``."""
    if hasattr(tarfile, "data_filter"):
        tar.extractall(dest, filter="data")
        return
    root = Path(dest).resolve()
    for member in tar.getmembers():
        _check(member, root)
    tar.extractall(dest)


def _check(member: tarfile.TarInfo, root: Path) -> None:
    if not (member.isfile() or member.isdir() or member.issym() or member.islnk()):
        raise tarfile.TarError(f"{member.name}: not a regular file, folder or link")
    target = (root / member.name).resolve()
    if os.path.isabs(member.name) or not target.is_relative_to(root):
        raise tarfile.TarError(f"{member.name}: would be written outside {root}")
    if member.issym() or member.islnk():
        # A symlink's target is relative to its own folder, a hard link's to the archive's root.
        base = target.parent if member.issym() else root
        if os.path.isabs(member.linkname) or not (base / member.linkname).resolve().is_relative_to(root):
            raise tarfile.TarError(f"{member.name}: links outside {root} ({member.linkname})")
