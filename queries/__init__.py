"""The named SPARQL queries (``*.rq``), shipped as package data."""
