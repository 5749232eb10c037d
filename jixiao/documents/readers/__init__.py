"""Readers: each turns one file format into a Layout of paragraphs and rows (see registry.py)."""
