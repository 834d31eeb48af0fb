"""Every command is documented: an example in its help, a mention in the README."""

from __future__ import annotations

import typer.main

from veille.cli import app

from .conftest import ROOT


def commands():
    group = typer.main.get_command(app)
    assert hasattr(group, "commands")
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            for sub, subcommand in command.commands.items():
                yield f"{name} {sub}", subcommand
        else:
            yield name, command


def test_every_command_has_an_example():
    for name, command in commands():
        assert command.help and "Example: veille" in command.help, (
            f"`veille {name}` help has no example"
        )


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, _ in commands():
        assert f"veille {name}" in readme, f"README does not document `veille {name}`"


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:15]
    assert any("make run" in line for line in head)
    assert any("make test" in line for line in head)
