"""Networks projected from the store (networkx), their analyses, Gephi files and pictures."""
