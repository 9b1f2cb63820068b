"""Carrying out import runs: the use cases the run worker (../worker.py, ../runner.py) calls, one
transaction each: take the next run, start it, save its progress, read its staged feed records,
finish, release or fail it."""
