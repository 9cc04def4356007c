"""The command line: every command has help, options override config, errors are messages not tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from timeline import __version__
from timeline.cli import cli

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", [[], ["build"], ["tag"], ["evaluate"], ["export"]])
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"timeline {name}" in readme, f"command {name} is not documented in the README"


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def test_python_dash_m_works() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "timeline", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and __version__ in done.stdout


def _build(runner: CliRunner, tmp_path: Path, *extra: str, input_path: Path | None = None):
    args = ["build", "--input", str(input_path or ROOT / "seeds"), "--out", str(tmp_path / "out")]
    args += ["--no-cache", "--quiet", "--jobs", "1", *extra]
    return runner.invoke(cli, args)


def test_build_writes_site_and_yaml(runner: CliRunner, tmp_path: Path) -> None:
    result = _build(runner, tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "index.html").is_file()
    data = yaml.safe_load((tmp_path / "out" / "timeline.yaml").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 5 and data["events"]


def test_append_without_the_cache_is_a_user_error(runner: CliRunner, tmp_path: Path) -> None:
    result = _build(runner, tmp_path, "--append")
    assert result.exit_code != 0 and "--append needs the cache" in result.output
    assert "Traceback" not in result.output


def test_build_top_keeps_the_most_salient(runner: CliRunner, tmp_path: Path) -> None:
    result = _build(runner, tmp_path, "--top", "3")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "out" / "timeline.yaml").read_text(encoding="utf-8"))
    assert len(data["events"]) == 3


def test_build_reads_config_and_options_override(runner: CliRunner, tmp_path: Path) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(f"title: From config\ninput: {ROOT / 'seeds'}\nout: {tmp_path / 'a'}\nquiet: true\n")
    result = runner.invoke(
        cli, ["build", "--config", str(config), "--out", str(tmp_path / "b"), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "a").exists()
    data = yaml.safe_load((tmp_path / "b" / "timeline.yaml").read_text(encoding="utf-8"))
    assert data["title"] == "From config"


@pytest.mark.parametrize(
    ("config_text", "fragment"),
    [
        pytest.param("titel: x\n", "unknown key 'titel'", id="unknown key"),
        pytest.param("top: many\n", "key 'top'", id="wrong type"),
        pytest.param("title: [oops\n", "broken YAML", id="broken yaml"),
    ],
)
def test_bad_config_is_a_message(runner: CliRunner, tmp_path: Path, config_text: str, fragment: str) -> None:
    config = tmp_path / "c.yaml"
    config.write_text(config_text)
    result = runner.invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code == 2
    assert fragment in result.output
    assert "Traceback" not in result.output


def test_missing_input_is_named(runner: CliRunner, tmp_path: Path) -> None:
    result = _build(runner, tmp_path, input_path=tmp_path / "no-such-folder")
    assert result.exit_code != 0
    assert "no-such-folder" in result.output and "Traceback" not in result.output


def test_junk_folder_builds_and_loses_nothing(runner: CliRunner, tmp_path: Path) -> None:
    junk = tmp_path / "in"
    junk.mkdir()
    (junk / "ok.txt").write_text(" date 2017-04-19 The council voted on Tuesday to close the pool.")
    (junk / "empty.txt").write_bytes(b"")
    (junk / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (junk / "latin.txt").write_bytes(
        " date 2017-04-19 Le café a fermé lundi. It closed on Monday.".encode("latin-1")
    )
    (junk / "bad-date.txt").write_text(" date 2017-13-45 The mayor spoke on Friday.")
    (junk / "notes.pdf").write_bytes(b"%PDF-1.4")
    (junk / "feed.jsonl").write_text(
        '{"id": "j1", "text": "Shares fell on Monday.", "published": "2017-04-19"}\n{oops\n'
    )
    result = _build(runner, tmp_path, input_path=junk)
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "out" / "timeline.yaml").read_text(encoding="utf-8"))
    status = {a["id"]: (a["status"], a.get("reason") or "") for a in data["articles"]}
    assert status["ok"][0] == "ok"
    assert status["empty"] == ("skipped", "empty file")
    assert status["binary"][0] == "skipped" and "binary" in status["binary"][1]
    assert status["latin"][0] == "ok"
    assert status["bad-date"][0] == "ok"
    assert status["notes"][0] == "skipped"
    assert status["j1"][0] == "ok"
    assert status["feed:2"][0] == "skipped" and "line 2" in status["feed:2"][1]
    assert len(status) == 8


def test_tag_command_text_and_json(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(" date 2017-04-19 Voters went to the polls on Tuesday.")
    result = runner.invoke(cli, ["tag", str(article), "--format", "json"])
    assert result.exit_code == 0, result.output
    values = [t["value"] for t in json.loads(result.output)]
    assert "2017-04-18" in values
    override = runner.invoke(cli, ["tag", str(article), "--dct", "2017-04-26", "--format", "json"])
    assert "2017-04-25" in [t["value"] for t in json.loads(override.output)]
    bad = runner.invoke(cli, ["tag", str(article), "--dct", "soon"])
    assert bad.exit_code != 0 and "soon" in bad.output


def test_export_command_converts_a_built_timeline(runner: CliRunner, tmp_path: Path) -> None:
    assert _build(runner, tmp_path).exit_code == 0
    source = tmp_path / "out" / "timeline.yaml"
    result = runner.invoke(cli, ["export", "--format", "ics", "--from", str(source)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("BEGIN:VCALENDAR")
    same = runner.invoke(cli, ["export", "--format", "yaml", "--from", str(source)])
    assert same.output == source.read_text(encoding="utf-8")


def test_unwritable_output_is_a_message(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    config = tmp_path / "c.yaml"
    config.write_text(f"input: {ROOT / 'seeds'}\nout: {blocker}\ncache: null\nquiet: true\n")
    result = runner.invoke(cli, ["build", "--config", str(config)])
    assert result.exit_code != 0
    assert "cannot write the site" in result.output and "Traceback" not in result.output
    assert blocker.read_text() == "not a folder"
