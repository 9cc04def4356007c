"""config.yaml: defaults, overrides, and every problem named at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.config import OPTIONS, Config, load_config, reference_table
from timeline.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


def test_defaults_without_a_file() -> None:
    config = load_config(None)
    assert config == Config()
    assert config.input == Path("seeds") and config.out == Path("site")


def test_repository_config_is_valid() -> None:
    config = load_config(ROOT / "config.yaml")
    assert config.input == ROOT / "seeds"
    assert "yaml" in config.exports


def test_paths_are_relative_to_the_config_file(write) -> None:
    path = write("project/config.yaml", "input: articles\nout: public\n")
    config = load_config(path)
    assert config.input == path.parent / "articles"
    assert config.out == path.parent / "public"


def test_command_line_overrides_the_file(write) -> None:
    path = write("config.yaml", "title: From file\ntop: 5\n")
    config = load_config(path, {"title": "From CLI", "top": None, "out": Path("x")})
    assert config.title == "From CLI"
    assert config.top == 5  # None means "not given", so the file's value stays
    assert config.out == Path("x")


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        pytest.param("titel: x\n", ["unknown key 'titel'"], id="typo in a key is named"),
        pytest.param("top: many\n", ["key 'top' must be a positive whole number"], id="wrong type"),
        pytest.param("top: 0\n", ["key 'top'"], id="zero is not a count"),
        pytest.param("jobs: true\n", ["key 'jobs'"], id="bool is not an int"),
        pytest.param("exports: [yaml, pdf]\n", ["unknown format(s) pdf"], id="unknown export"),
        pytest.param("engine: spark\n", ["key 'engine' must be one of"], id="unknown engine"),
        pytest.param("quiet: yes please\n", ["key 'quiet' must be true or false"], id="bool"),
        pytest.param(
            "titel: x\ntop: -1\nfoo: 1\n",
            ["unknown key 'titel'", "key 'top'", "unknown key 'foo'"],
            id="all problems at once",
        ),
        pytest.param("title: [unclosed\n", ["broken YAML", "line"], id="broken yaml names the line"),
        pytest.param("- a\n- b\n", ["must be a mapping"], id="a list is not a config"),
    ],
)
def test_problems_are_named(write, yaml_text: str, expected: list[str]) -> None:
    path = write("config.yaml", yaml_text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert str(path) in message
    for fragment in expected:
        assert fragment in message


def test_missing_named_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_config(tmp_path / "nope.yaml")


def test_empty_file_means_defaults(write) -> None:
    assert load_config(write("config.yaml", "")).title == Config().title


def test_every_option_is_a_config_field_and_documented() -> None:
    fields = set(Config.__dataclass_fields__)
    for option in OPTIONS:
        assert option.name in fields
        assert option.doc.endswith(".")


def test_readme_config_reference_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert reference_table() in readme, "README config table is stale: paste config.reference_table()"


def test_repository_config_documents_every_key() -> None:
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    for option in OPTIONS:
        assert f"\n{option.name}:" in f"\n{text}", f"config.yaml does not show key {option.name}"
