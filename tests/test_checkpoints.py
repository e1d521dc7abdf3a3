"""The checkpoints writers publish and readers open (graph/store/checkpoints.py), on real
Oxigraph stores: readers never open a store a writer holds, see what was written at the
last checkpoint, and a checkpoint goes only when no reader holds it."""
from __future__ import annotations

import os
import subprocess
import sys

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from graph.store import StoreError, open_store
from graph.store.checkpoints import FOLDER, Checkpoints, WriterBusy

from tests.conftest import ROOT

P = URIRef("urn:p")


def put(store, n: int) -> None:
    store.put_document(f"urn:doc{n}", [(URIRef(f"urn:s{n}"), P, Literal(n))])


def count(store) -> int:
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))["n"].value)


def numbered(path) -> list[str]:
    return sorted(name for name in os.listdir(os.path.join(path, FOLDER)) if name.isdigit())


def test_a_reader_sees_the_last_checkpoint_while_the_writer_writes(tmp_path):
    path = str(tmp_path / "kg.db")
    writer = open_store(path)
    put(writer, 1)
    writer.PUBLISH_EVERY = 3600.0
    writer._publish_now(force=True)
    put(writer, 2)  # after the checkpoint: not yet for readers
    reader = open_store(path, read_only=True)
    assert count(reader) == 1
    reader.close()
    writer.close()  # its last checkpoint
    reader = open_store(path, read_only=True)
    assert count(reader) == 2
    reader.close()


def test_a_checkpoint_a_reader_holds_stays_until_it_lets_go(tmp_path):
    path = str(tmp_path / "kg.db")
    writer = open_store(path)
    put(writer, 1)
    writer.close()
    reader = open_store(path, read_only=True)
    held = numbered(path)
    writer = open_store(path)
    put(writer, 2)
    writer.close()
    assert set(held) < set(numbered(path))  # the newer one beside the held one
    assert count(reader) == 1
    reader.close()
    assert numbered(path) == [Checkpoints(path).current().__str__()]


def test_a_second_writer_is_told_who_holds_the_store(tmp_path):
    path = str(tmp_path / "kg.db")
    writer = open_store(path)
    with pytest.raises(WriterBusy, match="locked by another writer"):
        with Checkpoints(path).writing(wait=0.1):
            pass
    writer.close()
    with Checkpoints(path).writing(wait=0.1):
        pass


KILLED_WRITER = """
import os, sys
from rdflib import Literal, URIRef
from graph.store import open_store
store = open_store(sys.argv[1])
store.PUBLISH_EVERY = 3600.0
for n in range(3):
    store.put_document(f"urn:doc{n}", [(URIRef(f"urn:s{n}"), URIRef("urn:p"), Literal(n))])
os._exit(9)  # killed before its last checkpoint
"""


def test_a_reader_checkpoints_what_a_killed_writer_left(tmp_path):
    path = str(tmp_path / "kg.db")
    done = subprocess.run([sys.executable, "-c", KILLED_WRITER, path], cwd=ROOT, capture_output=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.returncode == 9, done.stderr
    assert Checkpoints(path).dirty()
    reader = open_store(path, read_only=True)
    assert count(reader) == 3  # all three documents, though the writer published none of them
    reader.close()
    assert not Checkpoints(path).dirty()


def test_no_store_is_still_a_one_line_error(tmp_path):
    with pytest.raises(StoreError, match="no store here yet"):
        open_store(str(tmp_path / "missing.db"), read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_a_checkpoint_is_a_whole_store(tmp_path):
    path = str(tmp_path / "kg.db")
    writer = open_store(path)
    for n in range(5):
        put(writer, n)
    writer.close()
    newest = os.path.join(path, FOLDER, str(Checkpoints(path).current()))
    assert len(ox.Store.read_only(newest)) == 10  # five documents' graphs and the merged default graph


def test_a_reader_sees_what_another_program_wrote_into_the_store(tmp_path):
    path = str(tmp_path / "kg.db")
    writer = open_store(path)
    put(writer, 1)
    writer.close()
    reader = open_store(path, read_only=True)
    assert count(reader) == 1 and not Checkpoints(path).dirty()
    reader.close()
    other = ox.Store(path)  # pyoxigraph itself, knowing nothing of checkpoints
    other.add(ox.Quad(ox.NamedNode("urn:s9"), ox.NamedNode("urn:p"), ox.Literal("9"), ox.NamedNode("urn:doc9")))
    del other
    assert Checkpoints(path).dirty()
    reader = open_store(path, read_only=True)
    assert count(reader) == 2
    reader.close()
