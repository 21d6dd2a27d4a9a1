import os
import resource

import pytest

from cockpit.ota.client import NoTrustedRootError, OtaClient

from .conftest import FakeCar, Setup, bundle


def test_update_installs_content_into_the_other_slot_and_flashes_the_ecu(published: Setup) -> None:
    client, car = published.client(), FakeCar()
    report = client.update(car)
    assert report.problem is None and sorted(report.installed) == ["bms.img", "maps.tar.gz"]
    offer = next(o for o in report.offers if o.name == "bms.img")
    assert (offer.version, offer.installed, offer.notes) == ("3.9.2", "3.9.1", "Monaco map")
    assert car.flashed == [("BMS", (published.repo.dir / "targets" / "bms.img").stat().st_size)]
    assert client.slots.active() == "b" and client.slots.state()["trial"] is True
    assert published.content_files(client)["maps/monaco/tiles.bin"] == b"tiles v1"
    # The next start keeps it; a second update finds nothing new for the content.
    assert client.slots.boot().confirmed
    car.versions["BMS"] = car.versions["BMS"].__class__("H02.4", "3.9.2")
    again = published.client().update(car)
    assert again.installed == [] and not any(o.new for o in again.offers)


def test_check_shows_what_is_new_and_installs_nothing(published: Setup) -> None:
    client, car = published.client(), FakeCar()
    report = client.update(car, install=False)
    assert {o.name: (o.new, o.length > 0) for o in report.offers} == {
        "bms.img": (True, True),
        "maps.tar.gz": (True, True),
    }
    assert report.installed == [] and car.flashed == [] and not client.slots.current.exists()


@pytest.mark.parametrize(
    ("car", "reason"),
    [
        (FakeCar(parked=False), "not parked"),
        (FakeCar(soc=12.0), "battery at 12 %, below 30 %"),
        (FakeCar(dtcs=("P0AA6",)), "critical fault active (P0AA6)"),
    ],
)
def test_unsafe_conditions_defer_the_install(published: Setup, car: FakeCar, reason: str) -> None:
    client = published.client()
    report = client.update(car)
    assert any(reason in r for r in report.waiting_for)
    assert report.installed == [] and car.flashed == [] and not client.slots.current.exists()


def test_low_charge_is_fine_while_charging_and_a_minor_dtc_does_not_block(published: Setup) -> None:
    report = published.client().update(FakeCar(soc=12.0, charging=True, dtcs=("C0750",)))
    assert report.waiting_for == [] and len(report.installed) == 2


def test_a_car_that_trusts_no_repository_says_how_to_enrol(published: Setup) -> None:
    with pytest.raises(NoTrustedRootError, match="--root"):
        OtaClient(published.car_dir, str(published.repo.dir))


def test_over_http_a_broken_download_resumes_where_it_stopped(published: Setup, serve) -> None:
    url, log = serve(published.repo.dir)
    big = bundle(published.work / "voice.tar", {"model/am.bin": os.urandom(300_000)})
    published.repo.add([big], version="2")
    client = published.client(url)
    # An earlier run got the first 100 kB before the connection dropped.
    part = client.downloads / "voice.tar.part"
    part.write_bytes(big.read_bytes()[:100_000])
    seen = []
    report = client.update(FakeCar(), progress=lambda name, done, total: seen.append((name, done, total)))
    assert "voice.tar" in report.installed
    assert ("/targets/voice.tar", "bytes=100000-") in log
    voice = [(done, total) for name, done, total in seen if name == "voice.tar"]
    assert voice[0][0] == 100_000  # progress starts where the earlier run stopped
    assert voice[-1][0] == voice[-1][1]  # the bar reaches the end
    installed = published.content_files(client)["voice/model/am.bin"]
    assert installed == (published.work / "voice.src" / "model" / "am.bin").read_bytes()


def test_a_repository_that_is_down_changes_nothing_and_says_so(published: Setup, serve) -> None:
    client = published.client()
    client.update(FakeCar())
    before = published.content_files(client)
    report = published.client("http://127.0.0.1:9/").update(FakeCar())
    assert report.problem is not None and report.problem.code == "unreachable"
    assert (
        "cannot reach the update repository" in report.problem.reason and "try again" in report.problem.reason
    )
    assert published.content_files(client) == before


def test_a_full_disk_keeps_what_was_downloaded_and_the_next_run_resumes(published: Setup) -> None:
    big = bundle(published.work / "maps-eu.tar", {"eu/tiles.bin": os.urandom(600_000)})
    published.repo.add([big], version="5")
    # A file-size limit stands for a full disk: writes past it fail with EFBIG, as with ENOSPC
    # (Python ignores SIGXFSZ). Only this process's writes during the update are limited.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (250_000, hard))
    try:
        report = published.client().update(FakeCar())
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    offer = next(o for o in report.offers if o.name == "maps-eu.tar")
    assert offer.refusal is not None and offer.refusal.code == "disk-full"
    assert "Free some space and run the update again to resume" in offer.refusal.reason
    assert "maps-eu.tar" not in report.installed
    kept = (published.car_dir / "downloads" / "maps-eu.tar.part").stat().st_size
    assert 0 < kept <= 250_000
    report = published.client().update(FakeCar())
    assert "maps-eu.tar" in report.installed
    assert (
        published.content_files(published.client())["maps-eu/eu/tiles.bin"]
        == (published.work / "maps-eu.src" / "eu" / "tiles.bin").read_bytes()
    )


def test_a_root_that_is_not_signed_root_metadata_enrols_nothing(published: Setup) -> None:
    bad = published.work / "root.json"
    bad.write_text('{"bad": 1}')
    with pytest.raises(NoTrustedRootError, match=r"not signed TUF root metadata"):
        OtaClient(published.car_dir, str(published.repo.dir), bad)
    with pytest.raises(NoTrustedRootError, match=r"it is timestamp metadata"):
        OtaClient(published.car_dir, str(published.repo.dir), published.repo.metadata_dir / "timestamp.json")
    assert not (published.car_dir / "metadata" / "root.json").exists()
    assert published.client().update(FakeCar()).problem is None  # the right root still enrols
