"""python -m timeline: the same CLI as the `timeline` command."""

from timeline.cli import main

main()
