"""Command-line tools behind the Makefile targets (run, shell, eval, bench)."""
