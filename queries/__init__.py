"""The named SPARQL queries (``*.rq``, shipped as package data) and the code that loads,
binds and formats their answers (``queries.results``)."""
