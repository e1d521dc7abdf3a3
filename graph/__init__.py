"""Records to RDF and what is done with it: the model (``graph.model``), the stores
(``graph.store``), networks (``graph.network``), the endpoint (``graph.serve``), scoring
against gold files (``graph.evaluate``) and the command line (``graph.cli``)."""
