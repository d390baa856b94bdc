"""A throwaway PostgreSQL server for tests: initdb in a temp folder, start on a loopback port.

Use the `postgres_url` session fixture (import it into a test module or conftest). It yields
a `postgresql://` URL and stops the server at the end of the session. Set PG_TEST_URL to use
an existing server instead. Tests skip with a clear reason when no server can be had.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Durability is pointless for a throwaway cluster; these make start-up and writes fast.
_FAST_SETTINGS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
    "-c shared_buffers=16MB -c max_connections=60 -c log_min_messages=warning"
)


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server could be started; the message says why."""


def find_pg_bin() -> Path | None:
    """The directory holding initdb and pg_ctl: $PG_BIN, Debian's versioned dirs, then PATH."""
    candidates: list[str] = []
    if os.environ.get("PG_BIN"):
        candidates.append(os.environ["PG_BIN"])

    def version_key(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0

    # Debian's /usr/bin/pg_ctl is a wrapper that needs a configured cluster; prefer the real one.
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version_key, reverse=True)
    which = shutil.which("initdb")
    if which:
        candidates.append(str(Path(which).parent))
    for folder in candidates:
        path = Path(folder)
        if (path / "initdb").exists() and (path / "pg_ctl").exists():
            return path
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as_user() -> tuple[list[str], str | None]:
    """A command prefix that drops root (PostgreSQL refuses to run as root) and that user."""
    if os.geteuid() != 0:
        return [], None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailable("running as root and `runuser` is not available")
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return [runuser, "-u", name, "--"], name
    raise PostgresUnavailable("running as root and no 'postgres' or 'nobody' user exists")


@contextmanager
def running_postgres() -> Iterator[str]:
    """Start a throwaway cluster and yield its URL; raise PostgresUnavailable if impossible."""
    bin_dir = find_pg_bin()
    if bin_dir is None:
        raise PostgresUnavailable(
            "initdb/pg_ctl not found (install Debian's `postgresql`: scripts/ensure-postgres.sh)"
        )
    prefix, user = _run_as_user()
    root = Path(tempfile.mkdtemp(prefix="articlebot-pg-"))
    data = root / "data"
    log = root / "server.log"
    if user is not None:
        info = pwd.getpwnam(user)
        os.chown(root, info.pw_uid, info.pw_gid)
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    tools = bin_dir

    def pg(tool: str, *args: str, timeout: int) -> subprocess.CompletedProcess[str]:
        """One of PostgreSQL's programs over the cluster's data, as its user, in its folder."""
        return subprocess.run(
            [*prefix, str(tools / tool), "-D", str(data), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            cwd=root,
        )

    started = False
    try:
        flags = ("-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions")
        init = pg("initdb", *flags, timeout=120)
        if init.returncode != 0:
            raise PostgresUnavailable(f"initdb failed: {_last_line(init.stderr)}")
        port = _free_port()
        options = (
            f"{_FAST_SETTINGS} -c listen_addresses=127.0.0.1 -c port={port} "
            f"-c unix_socket_directories={root}"
        )
        start = pg("pg_ctl", "-l", str(log), "-o", options, "-w", "-t", "60", "start", timeout=90)
        if start.returncode != 0:
            detail = log.read_text(errors="replace") if log.exists() else start.stderr
            raise PostgresUnavailable(f"pg_ctl start failed: {_last_line(detail)}")
        started = True
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        if started:
            pg("pg_ctl", "-m", "immediate", "stop", timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "no output"


async def fresh_database(url: str) -> str:
    """Create an empty database on the server at `url` and return its URL."""
    import asyncpg

    name = f"t_{uuid.uuid4().hex[:12]}"
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base, _, _ = url.rpartition("/")
    return f"{base}/{name}"


# One server per test process, however many modules import the fixture (each import is a
# separate fixture definition to pytest): the first user starts it, the last one stops it.
_shared: dict[str, object] = {"users": 0}


def _acquire() -> str:
    if _shared["users"] == 0:
        context = running_postgres()
        _shared["url"] = context.__enter__()  # raises PostgresUnavailable
        _shared["context"] = context
    _shared["users"] = int(_shared["users"]) + 1  # type: ignore[call-overload]
    return str(_shared["url"])


def _release() -> None:
    _shared["users"] = int(_shared["users"]) - 1  # type: ignore[call-overload]
    if _shared["users"] == 0:
        context = _shared.pop("context")
        _shared.pop("url", None)
        context.__exit__(None, None, None)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A postgresql:// URL of a server for this test session, or skip with the reason."""
    if os.environ.get("PG_TEST_URL"):
        yield os.environ["PG_TEST_URL"]
        return
    try:
        url = _acquire()
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL unavailable: {exc}")
    try:
        yield url
    finally:
        _release()
