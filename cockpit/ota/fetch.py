"""Getting bytes from a repository folder (``file:``) or web server (``http:``/``https:``).

``RepoFetcher`` is what TUF's ``Updater`` fetches metadata through (it enforces the length limits);
``download_resumable`` fetches a target into a ``.part`` file that a later run continues with an HTTP
Range request, never writing more than the signed length (an endless stream is cut off there).
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

from tuf.api import exceptions as tuf_errors
from tuf.ngclient import FetcherInterface

CHUNK = 64 * 1024
TIMEOUT_S = 10.0
Progress = Callable[[int, int], None]


class TooLargeError(Exception):
    """The server sent more bytes than the signed metadata allows."""


def as_url(repo: str) -> str:
    """A repository given as a folder or a URL, as a URL ending in ``/``."""
    if "://" not in repo:
        repo = Path(repo).resolve().as_uri()
    return repo if repo.endswith("/") else repo + "/"


def _open(url: str, offset: int = 0):
    """(stream, whether it starts at ``offset``)."""
    parsed = urlparse(url)
    if parsed.scheme == "file":
        try:
            f = open(unquote(parsed.path), "rb")  # noqa: SIM115 - closed by the caller
        except FileNotFoundError:
            raise tuf_errors.DownloadHTTPError(f"{url} not found", 404) from None
        except OSError as exc:
            raise tuf_errors.DownloadError(f"cannot read {url}: {exc}") from None
        f.seek(offset)
        return f, True
    request = urllib.request.Request(url, headers={"Range": f"bytes={offset}-"} if offset else {})
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT_S)
    except urllib.error.HTTPError as exc:
        raise tuf_errors.DownloadHTTPError(f"{url}: HTTP {exc.code}", exc.code) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise tuf_errors.DownloadError(f"cannot reach {url} ({reason})") from None
    return response, offset == 0 or response.status == 206


class RepoFetcher(FetcherInterface):
    def _fetch(self, url: str) -> Iterator[bytes]:
        stream, _ = _open(url)
        return self._chunks(stream)

    @staticmethod
    def _chunks(stream) -> Iterator[bytes]:
        with stream:
            while chunk := stream.read(CHUNK):
                yield chunk


def download_resumable(url: str, part: Path, length: int, progress: Progress | None = None) -> Path:
    """``url`` into ``part``, continuing what an earlier run left there; at most ``length`` bytes."""
    have = part.stat().st_size if part.exists() else 0
    if have > length:
        part.unlink()
        have = 0
    if have == length:
        return part
    stream, resumed = _open(url, have)
    with stream, open(part, "ab" if resumed else "wb") as out:
        done = have if resumed else 0
        if progress:
            progress(done, length)
        while chunk := stream.read(CHUNK):
            if done + len(chunk) > length:
                out.write(chunk[: length - done])
                raise TooLargeError(f"the server sent more than the {length} bytes the metadata signs")
            out.write(chunk)
            done += len(chunk)
            if progress:
                progress(done, length)
        out.flush()
        os.fsync(out.fileno())
    return part
