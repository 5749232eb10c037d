import pytest

# Show field-by-field diffs when the shared comparison helper fails.
pytest.register_assert_rewrite("tests.documents.readers.sample_grid")
