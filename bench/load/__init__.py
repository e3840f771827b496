"""The load test (`python -m bench.load`, `make bench-load`): see __main__.py."""
