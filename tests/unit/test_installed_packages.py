"""Library versions for cache keys, read from the metadata folders' names (course_site.installed_packages)."""

from __future__ import annotations

import sys
from importlib import metadata

from course_site.installed_packages import ABSENT, installed_distributions, versions


def installed_wheel(folder, name: str, version: str):
    info = folder / f"{name}-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n", encoding="utf-8")
    return info


def test_versions_are_what_importlib_metadata_says_for_the_libraries_the_caches_key_on():
    names = ("matplotlib", "numpy", "scikit-learn", "Pygments", "pymdown_extensions", "no-such-library-here")
    expected = []
    for name in names:
        try:
            expected.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            expected.append((name, ABSENT))
    assert versions(names) == tuple(expected)
    assert expected[-1] == ("no-such-library-here", ABSENT) and expected[0][1] != ABSENT


def test_a_library_installed_or_upgraded_while_the_process_runs_is_seen(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert versions(("course-demo-lib",)) == (("course-demo-lib", ABSENT),)
    info = installed_wheel(tmp_path, "course_demo_lib", "1.0")
    assert "course_demo_lib-1.0.dist-info" in installed_distributions()
    assert versions(("course-demo-lib",)) == (("course-demo-lib", "1.0"),)
    info.rename(tmp_path / "course_demo_lib-1.1.dist-info")  # what pip leaves after an upgrade
    assert versions(("Course.Demo_Lib",)) == (("Course.Demo_Lib", "1.1"),)


def test_a_name_installed_twice_on_the_path_is_the_one_python_would_import(tmp_path, monkeypatch):
    first, second = tmp_path / "first", tmp_path / "second"
    installed_wheel(first, "course_twice", "2.0")
    installed_wheel(second, "course_twice", "1.0")
    monkeypatch.setattr(sys, "path", [str(first), str(second), *sys.path])
    assert versions(("course-twice",)) == (("course-twice", "2.0"),)
