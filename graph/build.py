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

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from extract import parallel, version
from extract.readers import InputError, RawDocument, Skipped, read_path, walk

from .model.rdf import extraction_iri
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

    Made up front: the digests already stored (``done``), the files to read (``files``),
    what was found walking that is no document, in the order found (``problems``: ("error",
    an ``InputError``), counted as a failure, or ("note", a ``Skipped`` file of no supported
    type)) and how many documents the files hold (``total``).
    """

    def __init__(self, location: str, paths: Iterable[str], nquads_out: str | None = None):
        self.location, self.nquads_out = location, nquads_out
        self.done = self._stored(location, nquads_out)
        self.files: list[Path] = []
        self.problems: list[tuple[str, InputError | Skipped]] = []
        for item in walk(list(paths)):
            if isinstance(item, Path):
                self.files.append(item)
            else:
                self.problems.append(("error" if isinstance(item, InputError) else "note", item))
        self.total = sum(count_docs(f) for f in self.files)
        self.counts = {"stored": 0, "skipped": 0, "failed": sum(kind == "error" for kind, _ in self.problems)}

    @staticmethod
    def _stored(location: str, nquads_out: str | None) -> set[str]:
        """The digests of the documents stored by these rules: a document extracted by other rules is redone."""
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
        from .store.writer import Writer

        def tell(event: Event) -> None:
            self.counts[event.outcome] += 1
            on_event(event)

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
                if isinstance(record, Exception):
                    tell(failed(raw.file_name, "extraction failed", record))
                    continue
                for event in stored(writer.submit(raw.file_name, record)):
                    tell(event)
            for event in stored(writer.finished()):
                tell(event)
        finally:
            writer.close()
        return self.counts

    def _fresh(self, tell: Callable[[Event], None]) -> Iterator[RawDocument]:
        """Documents not yet stored with the same content; the others are told as skipped or failed."""
        for path in self.files:
            for doc in read_path(path):
                if isinstance(doc, InputError):
                    tell(Event("failed", doc.path, doc))
                elif doc.sha256 in self.done:
                    tell(Event("skipped", doc.file_name))
                else:
                    self.done.add(doc.sha256)  # the same content twice in one run is stored once
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


def stored(done: Iterable[tuple[str, BaseException | None]]) -> Iterator[Event]:
    """The writer's (file name, error or None) as events."""
    for file_name, error in done:
        yield Event("stored", file_name) if error is None else failed(file_name, "could not be stored", error)


def failed(file_name: str, what: str, error: BaseException) -> Event:
    return Event("failed", file_name, InputError(file_name, f"{what}: {type(error).__name__}: {error}"))


def count_docs(path: Path) -> int:
    """How many documents a file holds, for the progress bar: a line of a .jsonl file each."""
    if path.suffix.lower() != ".jsonl":
        return 1
    try:
        with open(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1
