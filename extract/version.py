"""The identity of the extraction rules, computed without importing spaCy or loading the
model, so that a rebuild of an unchanged corpus starts in a fraction of a second."""
from __future__ import annotations

import configparser
import hashlib
import importlib.util
import json
from importlib import metadata, resources


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed; the message names what to install."""


def _model(key: str) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(resources.files("extract").joinpath("pipeline.cfg").read_text("utf-8"))
    return json.loads(parser["model"][key])


def model_package() -> str:
    """The PyPI name of the model package ``pipeline.cfg`` names."""
    return _model("pypi")


def require_model(package: str | None = None) -> None:
    """Raise ModelMissing unless the model package (``pipeline.cfg``'s by default) is installed,
    without importing spaCy: a build whose model loads only in its worker processes checks here."""
    package = package or _model("package")
    if importlib.util.find_spec(package) is None:
        raise ModelMissing(f"the spaCy model package '{package}' is not installed: "
                           f"pip install {model_package()}")


def extractor_version() -> str:
    """A digest of what extraction depends on: this package's code, config and data files and
    the model package's version. It changes whenever a rule does, so a store can tell a
    document extracted by older rules from a current one without loading the model."""
    digest = hashlib.sha256()
    root = resources.files("extract")
    files = [f for f in root.iterdir() if f.name.endswith((".py", ".cfg"))]
    files += [f for f in root.joinpath("data").iterdir() if f.is_file()]
    for item in sorted(files, key=lambda f: f.name):
        digest.update(item.name.encode() + b"\0" + item.read_bytes())
    try:
        digest.update(metadata.version(model_package()).encode())
    except metadata.PackageNotFoundError:
        digest.update(b"no model")
    return digest.hexdigest()[:16]
