"""Records to RDF and what is done with it: the model (``graph.model``), the stores
(``graph.store``), networks (``graph.network``), the endpoint (``graph.serve``), scoring
against gold files (``graph.evaluate``) and the command line (``graph.cli``)."""

# The tool's version, pyproject.toml's (tests/test_package.py compares them): the provenance of every
# extraction names it, so a new version re-extracts.
__version__ = "0.1.0"
