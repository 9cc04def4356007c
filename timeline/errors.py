"""The errors a user can see. Each carries a message that says what is wrong and where, never a traceback."""

from __future__ import annotations


class TimelineError(Exception):
    """Base class: a problem the user can act on; the CLI prints its message and exits non-zero."""

    exit_code = 1


class ConfigError(TimelineError):
    """config.yaml (or a command-line override) is broken; lists every problem at once."""

    exit_code = 2

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"{source}: {len(self.problems)} problem(s) in the configuration:\n{lines}")


class InputError(TimelineError):
    """The input path does not exist or cannot be read at all."""

    exit_code = 2
