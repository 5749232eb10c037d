"""Layer 5: the web application (Django). It stores and shows what the core computes; it never checks sheets itself."""
