"""Ids: UUID version 4 text, from the operating system's random bytes through a pool; never repeated, across
threads taking them at once and across a fork (the child starts with a pool of its own)."""
from __future__ import annotations

import os
import threading
import uuid

from services.common import ids


def test_ids_are_version_4_uuids_and_never_repeat():
    made = [ids.new_id() for _ in range(20_000)]  # many pools' worth
    assert len(set(made)) == len(made)
    assert all(uuid.UUID(i).version == 4 and uuid.UUID(i).variant == uuid.RFC_4122 for i in made[:500])


def test_threads_taking_ids_at_once_get_different_ones():
    found: list[list[str]] = [[] for _ in range(8)]

    def take(mine: list[str]) -> None:
        mine.extend(ids.new_id() for _ in range(3_000))
    threads = [threading.Thread(target=take, args=(mine,)) for mine in found]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [i for mine in found for i in mine]
    assert len(set(every)) == len(every) == 24_000


def test_a_forked_child_does_not_repeat_its_parents_ids():
    ids.new_id()  # the parent's pool holds unused bytes now
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the child: its next ids, to the parent, then out
        os.close(read)
        os.write(write, ",".join(ids.new_id() for _ in range(5)).encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        theirs = pipe.read().split(",")
    os.waitpid(child, 0)
    ours = [ids.new_id() for _ in range(5)]
    assert len(theirs) == 5 and not set(theirs) & set(ours)
