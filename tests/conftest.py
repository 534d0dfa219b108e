from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "armenpress-fr-mirzoyan-lavrov-astana.txt"
VARIANTS = ROOT / "tests" / "data" / "variants"
SHARED = ROOT.parent / "shared"
# The commands default to one worker per core; the tests run one (in process, models loaded once
# for the session) unless a test asks for more (tests/test_workers.py).
os.environ.setdefault("DATELINE_WORKERS", "1")


@pytest.fixture(scope="session")
def example_record():
    from dateline.pipeline import extract
    from dateline.sources import read_path

    return extract(read_path(EXAMPLE))


def _postgres_unavailable(reason: str) -> None:
    """Outside CI a machine without PostgreSQL skips these tests; CI (.ci/run) must run them."""
    message = f"PostgreSQL tests need a server: {reason}"
    if os.environ.get("DATELINE_REQUIRE_POSTGRES"):
        pytest.fail(message)
    pytest.skip(message)


def _postgres_binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    candidates = [Path(found).resolve().parent] if found else []
    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
    return next((folder for folder in candidates if (folder / "initdb").exists()), None)


@pytest.fixture(scope="session")
def postgres_server():
    """A throw-away PostgreSQL server on a Unix socket, started for this test session (or the
    server named by DATELINE_TEST_POSTGRES). Yields a URL without a database name."""
    if os.environ.get("DATELINE_TEST_POSTGRES"):
        yield os.environ["DATELINE_TEST_POSTGRES"].rstrip("/")
        return
    binaries = _postgres_binaries()
    if binaries is None:
        _postgres_unavailable("initdb and pg_ctl not found (Debian: apt-get install postgresql)")
    root = Path(tempfile.mkdtemp(prefix="dateline-pg-"))
    as_owner: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: the server runs as the postgres user
        as_owner = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    try:
        subprocess.run([*as_owner, str(binaries / "initdb"), "-D", str(root / "data"), "-A", "trust", "-U",
                        "dateline", "-E", "UTF8", "--no-sync"], check=True, capture_output=True, timeout=120)
        subprocess.run([*as_owner, str(binaries / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"), "-w",
                        "-o", f"-k {root} -c listen_addresses='' -p {port} -c fsync=off -c full_page_writes=off",
                        "start"], check=True, capture_output=True, timeout=120)
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(root, ignore_errors=True)
        _postgres_unavailable(f"could not start one ({exc})")
    try:
        yield f"postgresql://dateline@/?host={root}&port={port}"
    finally:
        subprocess.run([*as_owner, str(binaries / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A fresh, empty database on the session's server, dropped afterwards."""
    import uuid

    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = postgres_server.replace("/?", "/postgres?", 1)
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield postgres_server.replace("/?", f"/{name}?", 1)
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
