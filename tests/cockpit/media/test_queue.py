from __future__ import annotations

from cockpit.media.library import Track
from cockpit.media.queue import PlayQueue, Repeat


def _tracks(n: int) -> list[Track]:
    return [Track(f"/m/{i}.wav", f"T{i}", "A", "B", i, 1.0, 1, 1) for i in range(n)]


def titles(q: PlayQueue) -> list[str]:
    return [t.title for t in q.tracks]


def test_next_previous_and_the_end_of_the_queue() -> None:
    q = PlayQueue()
    assert q.next() is None and q.current is None
    q.replace(_tracks(3), start=1)
    assert q.current.title == "T1"
    assert q.next().title == "T2"
    assert q.next() is None and q.current.title == "T2"  # repeat off: stop at the end
    assert q.previous().title == "T1"
    assert q.previous(played_s=10).title == "T1"  # restart, do not go back
    assert q.previous().title == "T0"
    assert q.previous().title == "T0"


def test_repeat_all_wraps_and_repeat_one_repeats_only_at_the_end_of_a_track() -> None:
    q = PlayQueue()
    q.replace(_tracks(2))
    q.repeat = Repeat.ALL
    assert [q.next().title, q.next().title] == ["T1", "T0"]
    q.repeat = Repeat.ONE
    assert q.next(by_user=False).title == "T0"
    assert q.next(by_user=True).title == "T1"
    assert Repeat.OFF.next() is Repeat.ALL and Repeat.ONE.next() is Repeat.OFF


def test_shuffle_keeps_the_current_track_and_unshuffle_restores_the_order() -> None:
    q = PlayQueue(seed=7)
    q.replace(_tracks(20), start=5)
    q.set_shuffle(True)
    assert q.current.title == "T5" and q.position == 0
    assert sorted(titles(q)) == sorted(f"T{i}" for i in range(20))
    assert titles(q)[1:] != [f"T{i}" for i in range(20) if i != 5]
    q.next()
    now = q.current
    q.set_shuffle(False)
    assert titles(q) == [f"T{i}" for i in range(20)] and q.current == now


def test_play_next_goes_right_after_the_current_track() -> None:
    q = PlayQueue()
    q.replace(_tracks(3))
    extra = Track("/m/x.wav", "X", "A", "B", 0, 1.0, 1, 1)
    q.play_next(extra)
    assert q.next() == extra


def test_up_next_lists_what_follows_and_a_track_can_be_taken_out() -> None:
    q = PlayQueue()
    tracks = _tracks(4)
    q.replace(tracks[:3], start=0)
    q.play_next(tracks[3])
    assert [t.title for t in q.upcoming()] == ["T3", "T1", "T2"]
    assert q.remove_upcoming(1).title == "T1"
    assert [t.title for t in q.upcoming()] == ["T3", "T2"] and q.current.title == "T0"
    assert q.remove_upcoming(5) is None
    q.set_shuffle(True)
    q.set_shuffle(False)  # the removed track does not come back with the original order
    assert "T1" not in titles(q)
