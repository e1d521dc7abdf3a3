"""The Dask worker plugin: each worker of a cluster loads the model once, when it starts or
joins, rather than once per task. Imported only by ``build --dask``."""
from __future__ import annotations

from distributed import WorkerPlugin


class ModelPlugin(WorkerPlugin):
    name = "policykg-model"

    def setup(self, worker) -> None:
        from .nlp import load

        load()
