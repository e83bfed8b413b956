"""The rules every cache of the build shares: atomic writes and pruning of entries nobody uses."""

from __future__ import annotations

import os
import time

from course_site.content_cache import (
    UNUSED_DAYS,
    KeyedFile,
    SingleEntryFile,
    code_version,
    key_of,
    prune_unused,
    write_atomically,
)

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


def test_a_key_keeps_its_parts_apart():
    assert key_of("ab", "c") != key_of("a", "bc")
    assert key_of("ab", "c") == key_of("ab", b"c")


def test_a_keyed_file_keeps_what_the_build_used_and_drops_the_rest(tmp_path):
    path = tmp_path / "search" / "entries.json"
    first = KeyedFile(path, version="1")
    first.put("a", {"n": 1})
    first.put("b", [1, 2])
    first.save()
    second = KeyedFile(path, version="1")
    assert second.get("a") == {"n": 1} and second.get("missing") is None
    second.save()  # b was not used: it is gone
    assert KeyedFile(path, version="1").stored == {"a": {"n": 1}}


def test_a_keyed_file_is_not_rewritten_when_the_build_used_exactly_what_it_holds(tmp_path):
    path = tmp_path / "entries.json"
    first = KeyedFile(path, version="1")
    first.put("a", 1)
    first.save()
    aged(path, 1)
    before = path.stat().st_mtime
    again = KeyedFile(path, version="1")
    again.get("a")
    again.save()
    assert path.stat().st_mtime == before


def test_a_keyed_file_of_another_version_or_cut_short_is_ignored_whole(tmp_path):
    path = tmp_path / "entries.json"
    made = KeyedFile(path, version="1")
    made.put("a", 1)
    made.save()
    assert KeyedFile(path, version="2").get("a") is None
    path.write_text(path.read_text(encoding="utf-8")[:10], encoding="utf-8")
    assert KeyedFile(path, version="1").get("a") is None


def test_a_single_entry_file_answers_only_for_its_own_key(tmp_path):
    cache = SingleEntryFile(tmp_path / "index.json")
    assert cache.get("k") is None
    cache.put("k", '{"docs": []}\nsecond line', {"pages": 3})
    assert cache.get("k") == ('{"docs": []}\nsecond line', {"pages": 3})
    assert cache.get("other") is None
    (tmp_path / "index.json").write_text('{"key": "k", "ab', encoding="utf-8")
    assert cache.get("k") is None


def test_code_version_changes_with_the_code(tmp_path):
    module = tmp_path / "maker.py"
    module.write_text("A = 1\n", encoding="utf-8")
    before = code_version(module)
    module.write_text("A = 2\n", encoding="utf-8")
    assert code_version(module) != before
