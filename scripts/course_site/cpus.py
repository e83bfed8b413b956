"""How many CPUs this process may use: the one number every pool of workers sizes itself by."""

from __future__ import annotations

import os


def available_cpus() -> int:
    """The CPUs this process may run on; on a CI runner given part of a machine, that part.

    ``os.cpu_count()`` counts the whole machine, so a pool sized by it starts more
    processes than the runner has CPUs, and they only wait for each other.
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
