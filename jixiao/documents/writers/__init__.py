"""Writers: a Document to .docx, .xlsx or JSON (see registry.py)."""
