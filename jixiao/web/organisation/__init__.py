"""Budget units in a hierarchy (a finance bureau over its units), the people in them and their roles."""
