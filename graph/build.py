"""A build: documents read from files and folders, extracted where the options say (this
process, local worker processes, a Dask cluster), and stored by the one writer
(``graph.store.writer``), each document as its own named graph.

This is the one place that wires extraction (``extract``) to the graph. A document
already stored with the same content, extracted by the same rules and model, is skipped;
the model and the writer start only when some document is new. What a build does with
each document is told to the caller as an ``Event`` as it happens (the command line draws
its progress bar and prints from them); what stops a build altogether is a ``BuildError``.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import signal
import stat
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extract import parallel, version
from extract.readers import InputError, RawDocument, Skipped, read_path, read_stdin, walk_named

from .model.rdf import document_iri, extraction_iri
from .store import StoreError, exists, open_store


class BuildError(Exception):
    """The store, the model or the cluster cannot be used; the message says why, in one line."""


@dataclass(frozen=True)
class Event:
    """What became of one document: ``stored``, ``skipped`` (unchanged) or ``failed`` (``error`` says why)."""

    outcome: str
    name: str
    error: InputError | None = None


class Build:
    """The documents below ``paths`` that a build into ``location`` reads.

    Made up front: the (document IRI, digest) pairs already stored (``done``), the files to
    read with their names (``files``: the path relative to the folder given, the identity of
    their documents),
    what was found walking that is no document, in the order found (``problems``: ("error",
    an ``InputError``), counted as a failure, or ("note", a ``Skipped`` file of no supported
    type)) and how many documents the files hold (``total``).
    """

    def __init__(self, location: str, paths: Iterable[str], nquads_out: str | None = None,
                 stdin: tuple[bytes, str, str | None] | None = None):
        """``stdin``: (bytes, kind, name) of what ``build -`` read from standard input
        (``extract.readers.read_stdin``), read before the files."""
        self.location, self.nquads_out = location, nquads_out
        self.done = self._stored(location, nquads_out)
        self.stdin = list(read_stdin(*stdin)) if stdin is not None else []
        self.files: list[tuple[Path, str]] = []
        self.problems: list[tuple[str, InputError | Skipped]] = []
        for item in walk_named([p for p in paths if p != "-"]):
            if isinstance(item, tuple):
                self.files.append(item)
            else:
                self.problems.append(("error" if isinstance(item, InputError) else "note", item))
        self.total = len(self.stdin) + sum(count_docs(f) for f, _ in self.files)
        self.counts = {"stored": 0, "skipped": 0, "failed": sum(kind == "error" for kind, _ in self.problems)}

    @staticmethod
    def _stored(location: str, nquads_out: str | None) -> set[tuple[str, str]]:
        """(document IRI, digest) of the documents stored by these rules: a document extracted
        by other rules is redone."""
        if nquads_out and not exists(location):
            return set()  # shards only: nothing stored yet to skip
        current = str(extraction_iri(version.extractor_version()))
        try:
            store = open_store(location)
            try:
                return store.contents(current)
            finally:
                store.close()  # the writer process opens it when some document is new
        except StoreError as err:
            raise BuildError(str(err)) from None

    def run(self, on_event: Callable[[Event], None] = lambda event: None, batch_size: int = 16,
            workers: int | None = None, dask_address: str | None = None) -> dict[str, int]:
        """Extract and store every new document, calling ``on_event`` for each document as it is
        skipped, stored or failed; the counts of each outcome (walking's failures included)."""
        with interrupts_between_documents() as boundary:

            def tell(event: Event) -> None:
                self.counts[event.outcome] += 1
                on_event(event)
                boundary()

            return self._run(tell, boundary, batch_size, workers, dask_address)

    def _run(self, tell: Callable[[Event], None], boundary: Callable[[], None], batch_size: int,
             workers: int | None, dask_address: str | None) -> dict[str, int]:
        from .store.writer import Writer

        pending = self._fresh(tell)
        first = next(pending, None)  # the model and the writer start only when some document is new
        if first is None:
            return self.counts
        try:
            version.require_model()  # spaCy is imported only when some document is new
            writer = Writer(self.location, nquads_out=self.nquads_out)
        except (StoreError, version.ModelMissing) as err:
            raise BuildError(str(err)) from None
        try:
            extracted = self._extracted(itertools.chain([first], pending), batch_size, workers, dask_address)
            for raw, record in extracted:
                boundary()
                if isinstance(record, Exception):
                    tell(failed(raw, "extraction failed", record))
                    continue
                for event in stored(writer.submit(raw, record)):
                    tell(event)
            for event in stored(writer.finished()):
                tell(event)
        except StoreError as err:  # the writer died (killed, out of memory): what it stored stays
            raise BuildError(str(err)) from None
        except KeyboardInterrupt:  # Ctrl-C: no more documents, but those extracted are stored
            try:
                for event in stored(writer.finished()):
                    tell(event)
            except StoreError:
                pass
            raise
        finally:
            writer.close()
        return self.counts

    def _fresh(self, tell: Callable[[Event], None]) -> Iterator[RawDocument]:
        """Documents not yet stored under their identity with the same content; the others are
        told as skipped or failed. Two files of the same content are two documents; two of the
        same identity in one run (``a/x.txt`` and ``b/x.txt`` given as ``build a b``) are one
        document, so the second is an error naming both, never a silent replacement."""
        first: dict[str, RawDocument] = {}  # document IRI -> the document read under it in this run
        read = itertools.chain([iter(self.stdin)], (read_path(path, name) for path, name in self.files))
        for documents in read:
            for doc in documents:
                if isinstance(doc, InputError):
                    tell(Event("failed", doc.path, doc))
                    continue
                iri = str(document_iri(doc.key))
                if iri in first:
                    if first[iri].sha256 == doc.sha256:
                        tell(Event("skipped", doc.file_name))  # the same file given twice
                    else:
                        tell(Event("failed", doc.file_name, InputError(
                            doc.path, f"same identity {doc.key!r} as {first[iri].path}, which is kept; "
                                      "not stored (build their folders separately or rename one)", doc.line)))
                    continue
                first[iri] = doc
                if (iri, doc.sha256) in self.done:
                    tell(Event("skipped", doc.file_name))
                else:
                    yield doc

    def _extracted(self, todo: Iterator[RawDocument], batch_size: int, workers: int | None,
                   dask_address: str | None) -> Iterator[tuple[RawDocument, object]]:
        """(document, record or exception) from the backend the options name; a cluster that
        cannot be used is a ``BuildError``."""
        # by default no more workers than batches: a few documents are not worth starting processes
        n = workers or min(parallel.default_workers(), -(-self.total // batch_size))
        try:
            if dask_address:
                yield from parallel.dask(todo, dask_address, batch_size)
            elif n > 1:
                yield from parallel.local(todo, n, batch_size)
            else:
                yield from parallel.serial(todo, batch_size)
        except parallel.ClusterError as err:
            raise BuildError(str(err)) from None


@contextlib.contextmanager
def interrupts_between_documents() -> Iterator[Callable[[], None]]:
    """A Ctrl-C during a build raised at the next document boundary (the callable given),
    never between a document's storing and its telling, so the count told is what was stored;
    a second Ctrl-C stops at once. Outside the main thread signals are not ours: no-op."""
    state = {"signals": 0, "raised": False}

    def boundary() -> None:
        if state["signals"] and not state["raised"]:
            state["raised"] = True
            raise KeyboardInterrupt

    def held(signum, frame) -> None:
        state["signals"] += 1
        if state["signals"] > 1:
            raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield boundary
        return
    previous = signal.signal(signal.SIGINT, held)
    try:
        yield boundary
    finally:
        signal.signal(signal.SIGINT, previous)


def stored(done: Iterable[tuple[RawDocument, BaseException | None]]) -> Iterator[Event]:
    """The writer's (document, error or None) as events."""
    for raw, error in done:
        yield Event("stored", raw.file_name) if error is None else failed(raw, "could not be stored", error)


def failed(raw: RawDocument, what: str, error: BaseException) -> Event:
    """A document that failed, the message naming where it was read (path and line)."""
    return Event("failed", raw.file_name,
                 InputError(raw.path or raw.file_name, f"{what}: {type(error).__name__}: {error}", raw.line))


def count_docs(path: Path) -> int:
    """How many documents a file holds, for the progress bar: a line of a .jsonl file each."""
    if path.suffix.lower() != ".jsonl":
        return 1
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO would block here: the reader reports it
            return 1
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
