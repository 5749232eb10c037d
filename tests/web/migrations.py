"""Moving the test database between migrations, for the tests of a data migration: back to the state before it (its
models as they were), then forward to the latest."""

from __future__ import annotations

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrated_back(targets: list[tuple[str, str]]) -> Apps:
    """Migrate to ``targets`` ((app, migration) pairs) and return the models as they stood there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def migrated_forward() -> None:
    """Migrate every app to its latest migration."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
