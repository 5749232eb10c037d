from tests.web.performance.conftest import approved  # noqa: F401  (the approved sheet fixture)
