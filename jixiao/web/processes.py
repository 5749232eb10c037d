"""Whether a process of this machine still exists (a running server, a job's worker)."""

from __future__ import annotations

import os

__all__ = ["process_exists"]


def process_exists(pid: int) -> bool:
    """True while a process with id ``pid`` exists. POSIX only: signal 0 asks without signalling, whereas on Windows
    ``os.kill`` would end the process, so callers there must not ask."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process has the id: it exists
        return True
    return True
