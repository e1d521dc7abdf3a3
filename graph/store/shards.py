"""What a build with ``--nquads-out`` writes instead of storing: N-Quads shards for a bulk loader."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .base import StoreError, ntriples


class NQuadsShards:
    """Not a store: N-Quads files for a bulk loader (``oxigraph load``, Virtuoso's
    ``ld_dir`` + ``rdf_loader_run``), ``shard_size`` documents per file. A shard is
    written under a temporary name and renamed when complete, so a killed build leaves
    only whole shards (and the documents of the unfinished one are simply not there)."""

    def __init__(self, folder: str, shard_size: int = 1000):
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"{folder}: cannot write shards here: {err.strerror or err}") from None
        self.shard_size = shard_size
        existing = sorted(self.folder.glob("part-*.nq"))
        self.number = int(existing[-1].stem.split("-")[1]) + 1 if existing else 0
        self.handle = None
        self.count = 0

    def contents(self, extraction: str) -> set[str]:
        return set()

    def put_document(self, name: str, graph: Iterable) -> None:
        if self.handle is None:
            self.handle = open(self.folder / f"part-{self.number:05d}.nq.tmp", "w", encoding="utf-8")
        self.handle.write(ntriples(graph, name))
        self.count += 1
        if self.count >= self.shard_size:
            self._finish()

    def _finish(self) -> None:
        if self.handle is not None:
            self.handle.close()
            path = self.folder / f"part-{self.number:05d}.nq"
            os.replace(path.with_suffix(".nq.tmp"), path)
            self.handle, self.count, self.number = None, 0, self.number + 1

    def close(self) -> None:
        self._finish()
