"""An archive unpacks into its folder and nowhere else, with and without tarfile's "data" filter."""

from __future__ import annotations

import contextlib
import io
import tarfile
from pathlib import Path

import pytest

from vehicle_bus.archive import extract_tar


@pytest.fixture(params=["filter", "no-filter"])
def python(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Python >= 3.11.4 (tarfile's own filter), and Debian 12's 3.11.2 (no filter: our checks)."""
    if request.param == "no-filter":
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    return request.param


def _archive(path: Path, *members: tarfile.TarInfo) -> Path:
    with tarfile.open(path, "w") as tar:
        for member in members:
            data = b"x" * member.size
            tar.addfile(member, io.BytesIO(data) if member.isfile() else None)
    return path


def _file(name: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = 3
    return info


def _link(name: str, target: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.SYMTYPE
    info.linkname = target
    return info


def test_a_plain_archive_is_unpacked(python: str, tmp_path: Path) -> None:
    archive = _archive(tmp_path / "ok.tar", _file("model/model.bin"), _link("model/latest", "model.bin"))
    with tarfile.open(archive) as tar:
        extract_tar(tar, tmp_path / "out")
    assert (tmp_path / "out" / "model" / "model.bin").read_bytes() == b"xxx"
    assert (tmp_path / "out" / "model" / "latest").read_bytes() == b"xxx"


@pytest.mark.parametrize(
    "member",
    [_file("../escaped"), _link("model/link", "../../escaped")],
    ids=["dot-dot", "symlink-out"],
)
def test_a_member_outside_the_folder_is_refused(python: str, tmp_path: Path, member: tarfile.TarInfo) -> None:
    archive = _archive(tmp_path / "bad.tar", member)
    with tarfile.open(archive) as tar, pytest.raises(tarfile.TarError):
        extract_tar(tar, tmp_path / "out")
    assert not (tmp_path / "escaped").exists()


def test_an_absolute_member_never_lands_outside_the_folder(python: str, tmp_path: Path) -> None:
    outside = tmp_path / "absolute-escaped"
    archive = _archive(tmp_path / "abs.tar", _file(str(outside)))
    # tarfile's filter unpacks it inside (leading "/" dropped); the checks without it refuse it.
    with tarfile.open(archive) as tar, contextlib.suppress(tarfile.TarError):
        extract_tar(tar, tmp_path / "out")
    assert not outside.exists()
