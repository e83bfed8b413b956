"""The rules every cache of the build shares: atomic writes and pruning of entries nobody uses."""

from __future__ import annotations

import os
import time

from course_site.content_cache import UNUSED_DAYS, prune_unused, write_atomically

DAY = 86400


def aged(path, days: float):
    moment = time.time() - days * DAY
    os.utime(path, (moment, moment))
    return path


def test_an_atomic_write_leaves_only_the_file_and_an_unchanged_write_keeps_its_time(tmp_path):
    target = tmp_path / "entries" / "abc.json"
    write_atomically(target, b"{}")
    aged(target, 3)
    before = target.stat().st_mtime
    write_atomically(target, b"{}")
    assert target.stat().st_mtime == before
    write_atomically(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'
    assert [path.name for path in target.parent.iterdir()] == ["abc.json"]


def test_entries_unused_for_longer_than_the_grace_period_are_removed_with_all_their_files(tmp_path):
    for name in ("old.svg", "old.inline.svg", "old.json"):
        (tmp_path / name).write_text("x", encoding="utf-8")
        aged(tmp_path / name, UNUSED_DAYS + 1)
    (tmp_path / "oldfolder" / "notebooks").mkdir(parents=True)
    aged(tmp_path / "oldfolder", UNUSED_DAYS + 1)
    assert prune_unused(tmp_path, used_keys=[]) == 4
    assert list(tmp_path.iterdir()) == []


def test_entries_in_use_are_kept_and_marked_used_now_however_old(tmp_path):
    (tmp_path / "inuse.json").write_text("x", encoding="utf-8")
    aged(tmp_path / "inuse.json", 100)
    assert prune_unused(tmp_path, used_keys={"inuse"}) == 0
    assert time.time() - (tmp_path / "inuse.json").stat().st_mtime < DAY


def test_recently_used_entries_of_another_branch_survive_the_grace_period(tmp_path):
    (tmp_path / "otherbranch.json").write_text("x", encoding="utf-8")
    aged(tmp_path / "otherbranch.json", UNUSED_DAYS - 1)
    assert prune_unused(tmp_path, used_keys={"current"}) == 0
    assert (tmp_path / "otherbranch.json").exists()


def test_a_caches_own_folders_and_writes_in_progress_are_left_alone(tmp_path):
    (tmp_path / "fonts").mkdir()
    (tmp_path / ".abc.json.123.tmp").write_text("x", encoding="utf-8")
    for path in (tmp_path / "fonts", tmp_path / ".abc.json.123.tmp"):
        aged(path, 365)
    assert prune_unused(tmp_path, used_keys=[], keep=("fonts",)) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [".abc.json.123.tmp", "fonts"]


def test_a_missing_cache_folder_is_nothing_to_prune(tmp_path):
    assert prune_unused(tmp_path / "never-built", used_keys=[]) == 0
