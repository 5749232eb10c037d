"""``python -m jixiao`` runs the command line."""

from jixiao.cli.app import main

main()
