"""The fence around authors' code: figure scripts and notebook cells.

What it is for: stopping accidents and runaway code (a script that saves a
file into the repository, fills the memory, loops forever, prints 50 MB or
reaches the network), each with a message that names the limit and the
mkdocs.yml key that changes it. It is not a security boundary: code that
means harm can get round an audit hook (ctypes, C extensions); untrusted
pull requests are built by CI's read-only job without secrets.

The parts, applied in the process that runs the author's code, after that
process's own imports and setup:

- resource limits (Linux ``resource``): ``RLIMIT_DATA`` for memory, which
  counts the heap and private mappings, not shared libraries, so numpy and
  matplotlib import well under a limit a 3 GB array breaks; ``RLIMIT_CPU``
  as a budget that can be renewed per job (``start_cpu_budget``);
  ``RLIMIT_FSIZE`` for the size of any file written;
- an audit hook (``sys.addaudithook``) that refuses writes outside the
  process's own temporary folder, network access and starting processes;
- a byte budget for what the code prints (``OutputBudget``).

A network namespace (``unshare -rn``) is added around figure workers and
notebook kernels by ``network_namespace_prefix`` where the platform allows it.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("mkdocs.plugins.course_site.sandbox")

MB = 1024 * 1024

# Who runs fenced code, as the messages say it (with its topic particle), by settings section.
AUTHORS = {"figures": "그림 스크립트는", "notebooks": "노트북 셀은"}
# What to do instead of writing a file, by settings section.
INSTEAD = {
    "figures": "그림은 savefig 로 저장하지 말고 draw() 에서 return fig 로 반환하세요",
    "notebooks": "결과는 파일로 남기지 말고 셀 출력으로 보이세요",
}


@dataclass(frozen=True)
class Limits:
    """What one figure script (or one notebook) may use; ``section`` names its mkdocs.yml settings."""

    memory_mb: int = 2048
    cpu_seconds: float = 120.0
    output_kb: int = 2048
    section: str = "figures"  # extra.<section> in mkdocs.yml

    @property
    def author(self) -> str:
        return AUTHORS.get(self.section, "이 코드는")

    def key(self, name: str) -> str:
        return f"extra.{self.section}.{name}"

    def how_to_raise(self, name: str, value) -> str:
        return f"정말 필요하면 mkdocs.yml 의 {self.key(name)} 을(를) 늘리세요 (지금 {value:g})."


# Defaults: today's figures and notebooks pass with a wide margin (the largest
# SVG is about 0.25 MB, the largest notebook cell's output about 1 MB, a
# process with numpy, matplotlib and scikit-learn about 0.2 GB), while a
# 3 GB array, an endless loop or 50 MB of prints stop.
FIGURE_LIMITS = Limits(memory_mb=2048, cpu_seconds=120, output_kb=2048, section="figures")
NOTEBOOK_LIMITS = Limits(memory_mb=2048, cpu_seconds=300, output_kb=8192, section="notebooks")


class LimitExceeded(Exception):
    """Fenced code went past one of its limits; the message says which and how to change it."""


class CpuTimeExceeded(LimitExceeded):
    pass


class OutputLimitExceeded(LimitExceeded):
    pass


# Resource limits ----------------------------------------------------------------


def apply_resource_limits(limits: Limits) -> None:
    """Memory, file size and the CPU-time signal for the rest of this process's life."""
    import resource

    memory = limits.memory_mb * MB
    _lower(resource.RLIMIT_DATA, memory)
    # A scratch file needs no more room than the memory allowance.
    _lower(resource.RLIMIT_FSIZE, memory)
    # Without this, writing past RLIMIT_FSIZE kills the process with no word;
    # ignored, the write fails with an OSError the author's traceback shows.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    signal.signal(signal.SIGXCPU, functools.partial(_cpu_time_up, limits))


def start_cpu_budget(limits: Limits) -> None:
    """From now on the process may use ``limits.cpu_seconds`` more CPU seconds.

    A worker runs many jobs, so the soft limit is moved before each one;
    past it the kernel sends SIGXCPU once a second, and each raises
    ``CpuTimeExceeded`` in the code that is running. The hard limit stays
    where it was: an unprivileged process could never raise it again.
    """
    import resource

    soft = math.ceil(cpu_seconds_used() + limits.cpu_seconds)
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def cpu_seconds_used() -> float:
    times = os.times()
    return times.user + times.system


def memory_note(limits: Limits) -> str:
    return (
        f"메모리 한도 {limits.memory_mb}MB 를 넘었습니다. 데이터를 줄이거나 나누어 계산하세요. "
        + limits.how_to_raise("memory_mb", limits.memory_mb)
    )


def _cpu_time_up(limits: Limits, signum, frame) -> None:
    raise CpuTimeExceeded(
        f"CPU 시간 한도 {limits.cpu_seconds:g}초를 다 썼습니다 (무한 루프나 너무 큰 계산이 없는지 보세요). "
        + limits.how_to_raise("cpu_seconds", limits.cpu_seconds)
    )


def _lower(kind: int, value: int) -> None:
    import resource

    soft, hard = resource.getrlimit(kind)
    if hard != resource.RLIM_INFINITY:
        value = min(value, hard)
    if soft == resource.RLIM_INFINITY or soft > value:
        resource.setrlimit(kind, (value, hard))


# Output -------------------------------------------------------------------------


class OutputBudget:
    """Counts the bytes fenced code prints; past ``limits.output_kb`` every write raises."""

    def __init__(self, limits: Limits, what: str = "출력"):
        self.limits = limits
        self.what = what
        self.used = 0

    def spend(self, text: str) -> None:
        self.used += len(text.encode("utf-8", "replace"))
        if self.used > self.limits.output_kb * 1024:
            raise OutputLimitExceeded(self.message())

    def reset(self) -> None:
        self.used = 0

    def message(self) -> str:
        return (
            f"{self.what} 크기가 한도 {self.limits.output_kb}KB 를 넘었습니다. 출력(print)을 줄이세요 "
            "(반복문 안의 print, 큰 배열 전체 출력 등). " + self.limits.how_to_raise("output_kb", self.limits.output_kb)
        )


class BudgetedStream:
    """A text stream that spends ``budget`` before passing each write on to ``stream``."""

    def __init__(self, stream, budget: OutputBudget):
        self._stream = stream
        self._budget = budget

    def write(self, text: str) -> int:
        self._budget.spend(text)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


# The audit hook -----------------------------------------------------------------

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
# event -> positions of the arguments that are paths being changed
_PATH_EVENTS = {
    "os.remove": (0,),
    "os.rename": (0, 1),
    "os.mkdir": (0,),
    "os.rmdir": (0,),
    "os.symlink": (1,),
    "os.link": (1,),
    "os.truncate": (0,),
    "os.chmod": (0,),
    "os.chown": (0,),
    "os.utime": (0,),
    "os.mkfifo": (0,),
    "os.mknod": (0,),
    "os.setxattr": (0,),
    "os.removexattr": (0,),
    "shutil.rmtree": (0,),
    "shutil.copyfile": (1,),
    "shutil.copymode": (1,),
    "shutil.copystat": (1,),
    "shutil.copytree": (1,),
    "shutil.move": (0, 1),
    "shutil.chown": (0,),
}
_PROCESS_EVENTS = {
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn",
    "os.fork", "os.forkpty", "os.startfile", "pty.spawn",
}
_NETWORK_EVENTS = {
    "socket.connect", "socket.bind", "socket.sendto", "socket.getaddrinfo",
    "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo",
}


def install_audit_fence(allowed_dir: Path, limits: Limits) -> None:
    """Refuse writes outside ``allowed_dir``, network access and new processes, from now on.

    A guard rail, not a wall: audit hooks see what Python's own functions do,
    not what a C extension or ctypes does. It cannot be removed once added.
    Everything it needs is bound here, so author code changing module
    globals cannot loosen it.
    """
    allowed = os.path.realpath(allowed_dir)
    prefix = allowed + os.sep
    realpath, join, getcwd, fsdecode = os.path.realpath, os.path.join, os.getcwd, os.fsdecode
    harmless = {os.devnull}
    author, own_pid = limits.author, os.getpid()
    instead = INSTEAD.get(limits.section, "")

    def inside(path) -> bool:
        if isinstance(path, int) or path is None:  # an open file descriptor: opened under the fence
            return True
        full = realpath(join(getcwd(), fsdecode(path)))
        return full == allowed or full.startswith(prefix) or full in harmless

    def refuse_write(path) -> None:
        raise PermissionError(
            f"{author} 자기 임시 폴더({allowed})에만 파일을 쓸 수 있는데 "
            f"'{fsdecode(path)}' 에 쓰려 했습니다. {instead} "
            "(잠깐 쓸 파일은 tempfile 로 만들면 임시 폴더에 생깁니다)."
        )

    def hook(event: str, args: tuple) -> None:
        if event == "open":
            path, mode, flags = args
            writing = (mode is not None and any(c in mode for c in "wax+")) or bool(
                flags and flags & _WRITE_FLAGS
            )
            if writing and not inside(path):
                refuse_write(path)
        elif event in _PATH_EVENTS:
            for position in _PATH_EVENTS[event]:
                if position < len(args) and not inside(args[position]):
                    refuse_write(args[position])
        elif event in _NETWORK_EVENTS:
            raise PermissionError(
                f"{author} 네트워크를 쓸 수 없습니다 ({event}). 빌드는 인터넷 없이도 같은 결과를 내야 합니다: "
                "데이터는 저장소에 파일로 넣고 스크립트 옆에서 읽으세요."
            )
        elif event in _PROCESS_EVENTS:
            raise PermissionError(
                f"{author} 다른 프로그램(프로세스)을 실행할 수 없습니다 ({event}). "
                "필요한 계산은 파이썬 안에서 하세요."
            )
        elif event in ("os.kill", "os.killpg") and args and args[0] not in (own_pid, 0):
            raise PermissionError(f"{author} 다른 프로세스에 신호를 보낼 수 없습니다 ({event}).")

    sys.addaudithook(hook)


def ask_libraries_questions_early() -> None:
    """Let libraries that ask the system by starting a program ask before the fence is up.

    joblib (scikit-learn's KMeans, for one) runs ``lscpu`` once to count
    physical cores and caches the answer; behind the fence that call is
    refused and turns into a warning in the author's output.
    """
    try:
        from joblib.externals.loky import cpu_count
    except ImportError:
        return
    cpu_count(only_physical_cores=True)


def fence_kernel(shell, temp_dir: str, limits: dict) -> None:
    """Fence in a notebook's IPython kernel; called by the runner's hidden setup cell.

    CPU time is budgeted for the whole notebook; printed output per cell (the
    budget starts again before each cell). Output that bypasses ``sys.stdout``
    (displays, C-level writes) is measured by the runner after each cell.
    """
    fence = Limits(**limits)
    ask_libraries_questions_early()
    enter_temp_dir(Path(temp_dir))
    apply_resource_limits(fence)
    start_cpu_budget(fence)
    budget = OutputBudget(fence, "셀 출력")
    sys.stdout = BudgetedStream(sys.stdout, budget)
    sys.stderr = BudgetedStream(sys.stderr, budget)
    shell.events.register("pre_run_cell", lambda info=None: budget.reset())
    install_audit_fence(Path(temp_dir), fence)


def enter_temp_dir(temp_dir: Path) -> None:
    """Scratch files and relative paths land in ``temp_dir``; no bytecode is written."""
    import tempfile

    sys.dont_write_bytecode = True
    os.environ["TMPDIR"] = str(temp_dir)
    tempfile.tempdir = str(temp_dir)
    os.chdir(temp_dir)


# Network namespace ----------------------------------------------------------------


@functools.cache
def network_namespace_prefix() -> tuple[str, ...]:
    """``("unshare", "-rn")`` where an unprivileged process may drop its network, else ``()``.

    Asked once per process: GitHub's ubuntu-24.04 runners, for one, forbid
    user namespaces (AppArmor), and there the audit hook alone keeps the
    network away.
    """
    unshare = shutil.which("unshare")
    if not sys.platform.startswith("linux") or not unshare:
        log.debug("울타리: unshare 가 없어 네트워크는 감사 훅(audit hook)으로만 막습니다.")
        return ()
    try:
        works = subprocess.run(
            [unshare, "-rn", "true"], capture_output=True, timeout=10, check=False
        ).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        works = False
    if works:
        log.debug("울타리: 그림 작업 프로세스와 노트북 커널은 네트워크 네임스페이스(unshare -rn) 안에서 돕니다.")
        return (unshare, "-rn")
    log.debug("울타리: 이 시스템은 사용자 네임스페이스를 막아 두어 네트워크는 감사 훅으로만 막습니다.")
    return ()
