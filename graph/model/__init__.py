"""The RDF model: the vocabulary, records -> triples, the ontology and its SHACL shapes."""
