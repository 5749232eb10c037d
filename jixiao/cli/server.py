"""The HTTP server ``jixiao serve`` runs: gunicorn with several processes on POSIX, waitress where gunicorn
cannot run (Windows).

Pages cost tens of milliseconds of Python each, and one Python process runs Python on one core at a time (the
GIL), so one process answers concurrent people one after the other whatever its thread count. Several processes
use every core. Each gunicorn process runs a few threads, so a request waiting on the database or on a slow
client does not hold its process. The master process loads the application once and forks the processes.

Security holds as under waitress: a request declaring a body over ``JIXIAO_MAX_REQUEST_MB`` is refused with 413
before its body is read (``jixiao.web.uploads``); gunicorn never takes ``X-Forwarded-*`` headers into account,
so whether a request came over HTTPS and from which address is decided by the application's settings alone
(``JIXIAO_BEHIND_PROXY``, ``jixiao.web.security.deployment``), from any client.
"""

from __future__ import annotations

import os
import sys

__all__ = ["THREADS", "default_processes", "gunicorn_options", "multi_process", "run_server", "waitress_options"]

# Threads per process: enough to overlap a database wait or a slow upload with another request, few enough that
# the threads of one process rarely wait on each other for the GIL.
THREADS = 4


def multi_process() -> bool:
    """Whether this platform serves with several processes (gunicorn runs on POSIX only)."""
    if os.name != "posix":
        return False
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


def default_processes() -> int:
    """One process per core, at least two: requests are CPU-bound Python, so more processes than cores only
    share the cores (and add about 120 MB each), and two keep one long request from holding everybody up."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(2, cores)


def waitress_options(host: str, port: int, threads: int) -> dict[str, object]:
    """waitress's settings: the request body limit is the application's (JIXIAO_MAX_REQUEST_MB), plus room for
    the multipart framing, so that a body sent without a declared length cannot grow past it; a request that
    declares more is refused with 413 before its body is read. Call after ``django.setup()``."""
    from jixiao.web.uploads import MB, max_request_bytes

    return {"host": host, "port": port, "threads": threads, "ident": "jixiao",
            "max_request_body_size": max_request_bytes() + MB}


def gunicorn_options(host: str, port: int, processes: int, threads: int) -> dict[str, object]:
    """gunicorn's settings for ``processes`` processes of ``threads`` threads each on ``host:port``."""
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": processes,
        "worker_class": "gthread",
        "threads": threads,
        # The scheme and the client address come from the application's settings (JIXIAO_BEHIND_PROXY), never
        # from headers gunicorn would otherwise trust from loopback.
        "forwarded_allow_ips": "",
        "secure_scheme_headers": {},
        # Long requests (an import of 20 files, an export) are not cut: threads keep the heartbeat going.
        "graceful_timeout": 10,
        "proc_name": "jixiao",
        "loglevel": "warning",
        "errorlog": "-",
        # gunicorn 26+ listens on a control socket shared by every gunicorn of the account ($HOME/.gunicorn).
        "control_socket_disable": True,
    }


def run_server(application, host: str, port: int, processes: int, threads: int) -> None:
    """Serve ``application`` until stopped: gunicorn's master and ``processes`` forked processes where
    :func:`multi_process`, else waitress with ``threads`` threads in this process."""
    if not multi_process():
        from waitress import serve

        serve(application, **waitress_options(host, port, threads))
        return
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self) -> None:
            for name, value in gunicorn_options(host, port, processes, threads).items():
                if name in self.cfg.settings:  # an older gunicorn without a setting does not need it
                    self.cfg.set(name, value)

        def load(self):
            return application

    # The processes are forked from this one: none may inherit its database connection (the migration's).
    connections.close_all()
    master = os.getpid()
    try:
        Server().run()
    except SystemExit as done:
        if os.getpid() == master:
            raise
        # A forked process ends with SystemExit raised from here: it must end now, not unwind through the
        # caller's blocks, which belong to the master (the data folder's mark, the background worker).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(done.code if isinstance(done.code, int) else 1)
