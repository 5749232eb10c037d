"""``jixiao backup`` / ``jixiao restore`` (issue 8, item 7): a backup taken while another process keeps saving
edits holds every edit committed before it started; restored into a fresh database, the last one is there."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.cli.test_document_commands import jixiao

ROOT = Path(__file__).resolve().parents[2]
SERVER = os.environ.get("JIXIAO_TEST_POSTGRES_SERVER", "postgres://postgres@127.0.0.1:5432")


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **env}, timeout=300)


class Writer:
    """The editing process; ``committed`` are (edit number, when its commit was reported)."""

    def __init__(self, env: dict[str, str], stop: Path) -> None:
        self.stop, self.committed = stop, []
        self.process = subprocess.Popen([sys.executable, "-m", "tests.cli.backup_writer", "write", str(stop)],
                                        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        self.ready = threading.Event()
        threading.Thread(target=self._follow, daemon=True).start()

    def _follow(self) -> None:
        for line in self.process.stdout:
            if line.strip() == "ready":
                self.ready.set()
            else:
                self.committed.append((int(line), time.monotonic()))

    def wait_for(self, edits: int) -> None:
        deadline = time.monotonic() + 240
        while len(self.committed) < edits:
            assert self.process.poll() is None, self.process.stderr.read()
            assert time.monotonic() < deadline, "the writer made no progress"
            time.sleep(0.05)

    def last_before(self, moment: float) -> int:
        """The last edit whose commit was reported before ``moment``."""
        return max(edit for edit, when in self.committed if when < moment)

    def stop_writing(self) -> None:
        self.stop.touch()
        self.process.wait(timeout=60)


def _backup_while_writing(env: dict[str, str], backup: Path, tmp_path: Path) -> tuple[int, int]:
    """Take a backup while the writer saves edits; the last edit committed before it began, and the last of all."""
    writer = Writer(env, tmp_path / "stop")
    try:
        writer.wait_for(10)
        started = time.monotonic()
        data = ["--data", env["JIXIAO_DATA"]] if "JIXIAO_DATA" in env else []
        result = _run("-m", "jixiao", "backup", str(backup), *data, env=env)
        assert result.returncode == 0, result.stderr
        assert "已备份" in result.stdout
        before = writer.last_before(started)
        writer.wait_for(len(writer.committed) + 3)  # the writer went on after the backup
    finally:
        writer.stop_writing()
    assert writer.process.returncode == 0, writer.process.stderr.read()
    return before, writer.committed[-1][0]


def _set_up(env: dict[str, str], folder: Path) -> None:
    """Migrate the database of ``env`` and load the demo (the writer stops before its first edit)."""
    (folder / "stop").touch()
    result = _run("-m", "tests.cli.backup_writer", "write", str(folder / "stop"), env=env)
    assert result.returncode == 0, result.stderr


def _quiet_backup(env: dict[str, str], backup: Path) -> None:
    """Back the set-up database of ``env`` up while nothing writes to it."""
    data = ["--data", env["JIXIAO_DATA"]] if "JIXIAO_DATA" in env else []
    assert _run("-m", "jixiao", "backup", str(backup), *data, env=env).returncode == 0


# Migrating a database and loading the demo takes a process most of a minute on a loaded machine: each test starts
# from a copy of one set up once (the SQLite folder copied, a PostgreSQL database made from it as a template).
@pytest.fixture(scope="module")
def seeded_folder(tmp_path_factory) -> Path:
    """A data folder whose SQLite database is migrated and holds the demo; copy it, never change it."""
    folder = tmp_path_factory.mktemp("seeded")
    _set_up({"JIXIAO_DATA": str(folder / "data")}, folder)
    return folder / "data"


@pytest.fixture
def data(seeded_folder, tmp_path) -> Path:
    """This test's own copy of the set-up data folder."""
    return Path(shutil.copytree(seeded_folder, tmp_path / "data"))


def _restored(env: dict[str, str]) -> dict:
    result = _run("-m", "tests.cli.backup_writer", "report", env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _assert_audited(found: dict, backup: Path, *, forced: bool) -> None:
    """The restored database holds the backup's own event and, after it, the restore's, which names the backup's
    time."""
    taken, restored = found["audit"][-2:]
    assert (taken["action"], taken["file"]) == ("backup_taken", backup.name)
    assert taken["username"] == f"{taken['os_user']}@{taken['host']}"
    assert (restored["action"], restored["file"], restored["forced"]) == ("database_restored", backup.name, forced)
    assert restored["backup_taken_at"] == taken["at"]


def _assert_consistent(found: dict, before: int, last: int) -> None:
    restored = int(found["purpose"].removeprefix("第").removesuffix("次修改"))
    assert before <= restored < last, (before, restored, last)
    # Every edit up to the restored one, each in the history, and no half of a later one.
    assert found["edits"] == [f"第{n}次修改" for n in range(1, restored + 1)]
    assert found["version"] == 1 + restored


def test_sqlite_backup_while_writing_restores_the_last_committed_edit(data, tmp_path):
    fresh = tmp_path / "fresh"
    backup = tmp_path / "jixiao.backup"
    before, last = _backup_while_writing({"JIXIAO_DATA": str(data)}, backup, tmp_path)
    restored = jixiao("restore", str(backup), "--data", str(fresh))
    assert restored.returncode == 0, restored.stderr
    assert "已在恢复后的数据库中记入审计日志" in restored.stdout
    found = _restored({"JIXIAO_DATA": str(fresh)})
    _assert_consistent(found, before, last)
    _assert_audited(found, backup, forced=False)


def test_a_backup_waits_for_a_writer_holding_the_lock_longer_than_sqlites_own_wait(data, tmp_path):
    """SQLite gives up on a lock after the settings' five seconds; the backup's audit event used to be lost then,
    with a message that the database had no audit log. It now waits for the lock and is recorded."""
    backup = tmp_path / "jixiao.backup"
    holder = sqlite3.connect(data / "jixiao.sqlite3", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # a writer's transaction: the lock is held until it commits
    release = threading.Timer(7, holder.commit)
    release.start()
    try:
        result = jixiao("backup", str(backup), "--data", str(data))
    finally:
        release.join()
        holder.close()
    assert result.returncode == 0, result.stderr
    assert "（已记入审计日志）" in result.stdout and "未记入" not in result.stdout
    taken = [event for event in _restored({"JIXIAO_DATA": str(data)})["audit"] if event["action"] == "backup_taken"]
    assert [event["file"] for event in taken] == [backup.name]


@contextmanager
def _server(env: dict[str, str]):
    """A stand-in for ``jixiao serve`` on the database of ``env``: it marks the data folder as the server does."""
    server = subprocess.Popen([sys.executable, "-m", "tests.cli.backup_writer", "serve"], cwd=ROOT,
                              env={**os.environ, **env}, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout.readline().strip() == "ready"
        yield server
    finally:
        server.kill()
        server.wait()


def test_restore_is_refused_while_a_server_uses_the_database_unless_forced(data, tmp_path):
    backup = tmp_path / "jixiao.backup"
    _quiet_backup({"JIXIAO_DATA": str(data)}, backup)
    with _server({"JIXIAO_DATA": str(data)}) as server:
        refused = jixiao("restore", str(backup), "--data", str(data))
        assert refused.returncode == 1
        message = refused.stderr.replace("\n", "")  # rich wraps long lines
        database = data.resolve() / "jixiao.sqlite3"
        assert f"jixiao serve 正在运行（进程 {server.pid}，使用SQLite 数据库 {database}" in message
        assert "--force" in message and "数据库没有任何改动，也未写入审计日志" in message
        assert _restored({"JIXIAO_DATA": str(data)})["audit"][-1]["action"] == "backup_taken"
        forced = jixiao("restore", str(backup), "--data", str(data), "--force")
        assert forced.returncode == 0, forced.stderr
    _assert_audited(_restored({"JIXIAO_DATA": str(data)}), backup, forced=True)


def test_a_server_on_another_database_does_not_refuse_the_restore(data, tmp_path):
    # The server in this folder serves a PostgreSQL database (its password never written down); the SQLite
    # database of the folder is another one, which the restore may replace.
    backup = tmp_path / "jixiao.backup"
    _quiet_backup({"JIXIAO_DATA": str(data)}, backup)
    served = {"JIXIAO_DATA": str(data), "DATABASE_URL": "postgres://jixiao:Secret-pw-77@db.example:5433/served"}
    with _server(served):
        mark = json.loads((data / "jixiao-serve.pid").read_text())
        assert mark["database"] == {"engine": "postgresql", "host": "db.example", "port": "5433", "name": "served"}
        restored = jixiao("restore", str(backup), "--data", str(data))
    assert restored.returncode == 0, restored.stderr
    assert "已用" in restored.stdout


def test_an_older_mark_with_a_pid_only_still_refuses_the_restore(data, tmp_path):
    backup = tmp_path / "jixiao.backup"
    _quiet_backup({"JIXIAO_DATA": str(data)}, backup)
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # stands for jixiao serve
    try:
        (data / "jixiao-serve.pid").write_text(str(server.pid))
        refused = jixiao("restore", str(backup), "--data", str(data))
        assert refused.returncode == 1
        message = refused.stderr.replace("\n", "")
        assert f"jixiao serve 正在运行（进程 {server.pid}" in message and "未注明所用数据库" in message
    finally:
        server.kill()
        server.wait()


def test_a_mark_left_by_a_server_that_ended_does_not_refuse_the_restore(data, tmp_path):
    backup = tmp_path / "jixiao.backup"
    _quiet_backup({"JIXIAO_DATA": str(data)}, backup)
    with _server({"JIXIAO_DATA": str(data)}):
        pass
    assert (data / "jixiao-serve.pid").exists()  # killed, the server had no chance to remove its mark
    restored = jixiao("restore", str(backup), "--data", str(data))
    assert restored.returncode == 0, restored.stderr


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"PK\x03\x04 not a database")
    result = jixiao("restore", str(junk), "--data", str(tmp_path / "data"))
    assert result.returncode == 1 and "不是 SQLite 备份文件" in result.stderr.replace("\n", "")


def _postgres_or_skip():
    if shutil.which("pg_dump") is None or shutil.which("pg_restore") is None:
        pytest.skip("pg_dump/pg_restore are not installed (Debian: postgresql-client)")
    psycopg = pytest.importorskip("psycopg")
    try:
        return psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"no PostgreSQL server at {SERVER}: {error}")


@pytest.fixture(scope="module")
def postgres_admin():
    admin = _postgres_or_skip()
    yield admin
    admin.close()


@pytest.fixture(scope="module")
def seeded_postgres(postgres_admin, tmp_path_factory) -> str:
    """The name of a database migrated and holding the demo, the template of each test's source database."""
    name = f"jx_backup_seeded_{uuid.uuid4().hex[:8]}"
    postgres_admin.execute(f'CREATE DATABASE "{name}"')
    _set_up({"DATABASE_URL": f"{SERVER}/{name}"}, tmp_path_factory.mktemp("seeding"))
    yield name
    postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_databases(postgres_admin, seeded_postgres):
    """Two databases of this test's own, dropped afterwards: the source, set up (migrated, the demo loaded), and the
    restore target, empty."""
    names = [f"jx_backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("source", "fresh")]
    postgres_admin.execute(f'CREATE DATABASE "{names[0]}" TEMPLATE "{seeded_postgres}"')
    postgres_admin.execute(f'CREATE DATABASE "{names[1]}"')
    yield [f"{SERVER}/{name}" for name in names]
    for name in names:
        postgres_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_postgresql_backup_while_writing_restores_the_last_committed_edit(tmp_path, postgres_databases):
    source, fresh = postgres_databases
    backup = tmp_path / "jixiao.dump"
    before, last = _backup_while_writing({"DATABASE_URL": source}, backup, tmp_path)
    assert backup.read_bytes().startswith(b"PGDMP")
    restored = _run("-m", "jixiao", "restore", str(backup), env={"DATABASE_URL": fresh})
    assert restored.returncode == 0, restored.stderr
    found = _restored({"DATABASE_URL": fresh})
    _assert_consistent(found, before, last)
    _assert_audited(found, backup, forced=False)


def test_postgresql_restore_is_refused_while_another_session_uses_the_database(tmp_path, postgres_databases):
    import psycopg

    source, _ = postgres_databases
    backup = tmp_path / "jixiao.dump"
    _quiet_backup({"DATABASE_URL": source}, backup)
    with psycopg.connect(source):
        refused = _run("-m", "jixiao", "restore", str(backup), env={"DATABASE_URL": source})
    message = refused.stderr.replace("\n", "")
    assert refused.returncode == 1 and "个其他连接" in message and "--force" in message
    assert "数据库没有任何改动，也未写入审计日志" in message


def test_postgresql_restore_is_not_refused_by_a_server_on_the_sqlite_database(tmp_path, postgres_databases):
    source, fresh = postgres_databases
    data = tmp_path / "data"
    backup = tmp_path / "jixiao.dump"
    _quiet_backup({"DATABASE_URL": source}, backup)
    with _server({"JIXIAO_DATA": str(data)}):
        restored = _run("-m", "jixiao", "restore", str(backup), "--data", str(data), env={"DATABASE_URL": fresh})
    assert restored.returncode == 0, restored.stderr


def test_postgresql_restore_is_refused_by_a_server_on_the_same_database(tmp_path, postgres_databases):
    # The server names its host 127.0.0.1, the restore localhost: the same server, the same database.
    source, _ = postgres_databases
    data = tmp_path / "data"
    backup = tmp_path / "jixiao.dump"
    _quiet_backup({"DATABASE_URL": source}, backup)
    name = source.rsplit("/", 1)[1]
    with _server({"JIXIAO_DATA": str(data), "DATABASE_URL": source.replace("@localhost", "@127.0.0.1")}) as server:
        restored = _run("-m", "jixiao", "restore", str(backup), "--data", str(data),
                        env={"DATABASE_URL": source.replace("@127.0.0.1", "@localhost")})
    message = restored.stderr.replace("\n", "")
    assert restored.returncode == 1
    assert f"jixiao serve 正在运行（进程 {server.pid}，使用PostgreSQL 数据库 {name}（localhost:5432）" in message
