"""Text to records: reading, clean-up and the spaCy pipeline. Knows nothing of RDF."""
