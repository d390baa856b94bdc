"""Deployment files: no Docker engine runs here, so the files are checked against the project.

The Dockerfile's paths and commands must exist, docker-compose.yml must follow the Compose
specification's JSON schema, and .env.example must document every setting and load.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import shlex
import subprocess
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from bot.cli import build_parser
from bot.settings import Settings, read_env_file

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_SCHEMA = ROOT.parent / "shared" / "specs" / "compose-spec.json"
SETTING_NAMES = [f.name.upper() for f in fields(Settings)]
# Variables .env.example may set that are Docker Compose's, not the bot's.
COMPOSE_VARIABLES = {"COMPOSE_PROFILES", "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"}


# --- Dockerfile ---------------------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with line continuations joined and comments dropped."""
    lines: list[str] = []
    pending = ""
    for raw in (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines():
        stripped = raw.strip()
        if stripped.startswith("#") or (not stripped and not pending):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        lines.append(pending + stripped)
        pending = ""
    assert not pending, "the Dockerfile ends inside a line continuation"
    out = []
    for line in lines:
        keyword, _, rest = line.partition(" ")
        out.append((keyword.upper(), rest.strip()))
    return out


def instructions(keyword: str) -> list[str]:
    return [args for kw, args in dockerfile_instructions() if kw == keyword]


def exec_form(args: str) -> list[str]:
    """The JSON array of an exec-form CMD/HEALTHCHECK; fails on the shell form."""
    assert args.startswith("["), f"use the exec form (a JSON array), not {args!r}"
    return json.loads(args)


def dockerfile_env() -> dict[str, str]:
    env: dict[str, str] = {}
    for args in instructions("ENV"):
        for part in shlex.split(args):
            key, sep, value = part.partition("=")
            assert sep, f"write ENV as KEY=VALUE, not {args!r}"
            env[key] = value
    return env


def dockerignore_patterns() -> list[str]:
    path = ROOT / ".dockerignore"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [ln.strip() for ln in lines if ln.strip() and not ln.strip().startswith("#")]


def ignored_by_docker(rel: str) -> bool:
    """Whether .dockerignore drops `rel` from the build context (last matching rule wins)."""
    ignored = False
    for pattern in dockerignore_patterns():
        negate = pattern.startswith("!")
        pattern = pattern.removeprefix("!").strip("/")
        if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel.split("/")[0], pattern):
            ignored = not negate
    return ignored


def test_base_image_is_slim_python_311() -> None:
    bases = instructions("FROM")
    assert bases, "no FROM"
    image = bases[-1].split()[0]  # the final stage is what runs
    assert re.fullmatch(r"python:3\.11[\w.-]*-slim[\w.-]*", image), image


def test_runs_as_a_non_root_user() -> None:
    users = instructions("USER")
    assert users, "the image runs as root: add a USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    # The user is created before it is used.
    assert any(
        re.search(rf"\buseradd\b.*\b{re.escape(user)}\b", args) for args in instructions("RUN")
    )


def test_healthcheck_runs_the_health_command() -> None:
    checks = instructions("HEALTHCHECK")
    assert len(checks) == 1
    _, _, command = checks[0].partition("CMD ")
    assert exec_form(command.strip()) == ["python", "-m", "bot", "health"]
    assert "health" in subcommands()


def subcommands() -> set[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    raise AssertionError("bot.cli.build_parser() has no subcommands")


def test_cmd_starts_the_discord_bot() -> None:
    cmd = exec_form(instructions("CMD")[-1])
    assert cmd[:3] == ["python", "-m", "bot"]
    assert (ROOT / "bot" / "__main__.py").is_file()
    assert cmd[3:] == ["run"] and "run" in subcommands()


def test_every_copy_source_exists_and_reaches_the_build() -> None:
    copies = instructions("COPY") + instructions("ADD")
    assert copies
    for args in copies:
        if "--from=" in args:
            continue  # from an earlier stage, not from the project
        parts = [p for p in shlex.split(args) if not p.startswith("--")]
        *sources, _dest = parts
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: no such file in the project"
            assert not ignored_by_docker(source.rstrip("/")), f".dockerignore drops {source}"


def test_dependencies_get_their_own_cached_layer() -> None:
    steps = dockerfile_instructions()
    copy_index = [i for i, (kw, _) in enumerate(steps) if kw == "COPY"]
    first_copy = steps[copy_index[0]][1].split()
    assert first_copy[:-1] == ["pyproject.toml", "requirements.lock"], (
        "copy only the project's metadata and its lock before installing"
    )
    deps = next(i for i, (kw, a) in enumerate(steps) if kw == "RUN" and "install" in a)
    assert "--require-hashes" in steps[deps][1] and "-r requirements.lock" in steps[deps][1]
    source = next(i for i in copy_index if steps[i][1].split()[0] in {"bot", "bot/", "."})
    assert copy_index[0] < deps < source
    install = [a for kw, a in steps[source:] if kw == "RUN" and "install" in a]
    assert install and "--no-deps" in install[0]


def test_the_image_gets_only_the_built_virtualenv() -> None:
    """Build tools stay in the build stage: the final stage copies the virtualenv, from
    which the build removed setuptools, and the virtualenv never had pip or wheel."""
    stages = [a.split() for kw, a in dockerfile_instructions() if kw == "FROM"]
    assert len(stages) == 2 and stages[0][-2:] == ["AS", "build"]
    builds = " ".join(a for kw, a in dockerfile_instructions() if kw == "RUN")
    assert "venv --without-pip /opt/venv" in builds
    assert "uninstall --yes setuptools" in builds
    final = dockerfile_instructions()
    final = final[max(i for i, (kw, _) in enumerate(final) if kw == "FROM") :]
    assert [a for kw, a in final if kw == "COPY" and "--from=" in a] == [
        "--from=build /opt/venv /opt/venv"
    ]
    assert "PATH=/opt/venv/bin:$PATH" in [a for kw, a in final if kw == "ENV"][0].split()
    assert not [a for kw, a in final if kw == "RUN" and "pip install" in a]


def test_the_run_example_and_the_user_cause_no_warning() -> None:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert "docker run --init " in text, "without --init, PID 1 reaps no worker process"
    user = next(a for a in instructions("RUN") if "useradd" in a)
    uid = int(re.search(r"--uid (\d+)", user).group(1))
    # useradd --system warns for a uid above the system range (SYS_UID_MAX 999).
    assert uid >= 1000 and "--system" not in user, user


def lock_pins() -> dict[str, tuple[str, list[str]]]:
    """requirements.lock as {normalised name: (version, hashes)}; fails on anything that
    is not a pinned PyPI package with hashes (a URL, a path, an index, an editable)."""
    pins: dict[str, tuple[str, list[str]]] = {}
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for entry in re.sub(r"\\\n", " ", text).splitlines():
        entry = " ".join(entry.split("#", 1)[0].split())
        if not entry:
            continue
        assert not entry.startswith("-"), f"not a PyPI package: {entry!r}"
        match = re.fullmatch(
            r"([A-Za-z0-9._-]+)==([\w.+!-]+)((?: --hash=sha256:[0-9a-f]{64})+)", entry
        )
        assert match, f"not pinned with hashes: {entry[:80]!r}"
        name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
        pins[name] = (match.group(2), match.group(3).split())
    return pins


def test_the_lock_pins_every_dependency_from_pypi() -> None:
    from packaging.requirements import Requirement

    pins = lock_pins()
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = meta["project"]["dependencies"] + meta["build-system"]["requires"]
    for line in wanted:
        req = Requirement(line)
        name = re.sub(r"[-_.]+", "-", req.name).lower()
        assert name in pins, f"{req.name} is not in requirements.lock: regenerate it (README)"
        assert req.specifier.contains(pins[name][0], prereleases=True), (
            f"requirements.lock has {name}=={pins[name][0]}, pyproject wants {req.specifier}"
        )


def test_settings_in_the_image_match_its_folders() -> None:
    env = dockerfile_env()
    settings = Settings.load(environ=env, env_file=None)
    workdir = Path(instructions("WORKDIR")[-1])
    assert workdir == Path("/app")
    assert settings.content_dir == Path("/app/content")
    assert settings.articles_db == Path("/app/data/articles.db")
    assert settings.state_database_url == "sqlite:////app/data/state.db"
    assert settings.watch_content is True
    volumes = [v for args in instructions("VOLUME") for v in json.loads(args)]
    assert volumes == ["/app/data"]
    # The volume's folder is created and owned by the bot's user before it is declared.
    user = instructions("USER")[-1]
    assert any("/app/data" in a and f"chown {user}" in a for a in instructions("RUN"))


def test_secrets_and_local_data_stay_out_of_the_image() -> None:
    for path in [".env", ".venv", "data", ".git", ".pytest_cache", "bot/__pycache__"]:
        assert ignored_by_docker(path), f".dockerignore should exclude {path}"


# --- docker-compose.yml ------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def interpolate(value: str, env: dict[str, str] | None = None) -> str:
    """Compose's ${VAR:-default} / ${VAR-default} / $${...} interpolation, for checks."""
    env = env or {}

    def one(match: re.Match) -> str:
        name, op, default = match.group(1), match.group(2), match.group(3) or ""
        current = env.get(name)
        if op == ":-" and not current:
            return default
        if op == "-" and current is None:
            return default
        return current or ""

    value = re.sub(r"(?<!\$)\$\{(\w+)(:-|-)?([^}]*)\}", one, value)
    return value.replace("$$", "$")


def test_compose_follows_the_compose_specification(compose: dict) -> None:
    if not COMPOSE_SCHEMA.exists():
        pytest.skip(f"{COMPOSE_SCHEMA} is absent: needs ../shared/specs next to the project")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(COMPOSE_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(
        jsonschema.Draft7Validator(schema).iter_errors(compose), key=lambda e: list(e.path)
    )
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def bot_services(compose: dict) -> dict[str, dict]:
    return {name: s for name, s in compose["services"].items() if name.startswith("bot")}


def test_bot_service_builds_the_image_and_reads_env(compose: dict) -> None:
    bot = compose["services"]["bot"]
    assert "profiles" not in bot, "`docker compose up -d` must start the bot"
    assert (ROOT / bot["build"]["context"] / bot["build"].get("dockerfile", "Dockerfile")).exists()
    env_files = bot["env_file"] if isinstance(bot["env_file"], list) else [bot["env_file"]]
    assert ".env" in [e if isinstance(e, str) else e["path"] for e in env_files]
    assert bot["restart"] == "unless-stopped"
    assert interpolate(bot["environment"]["WATCH_CONTENT"]) == "1"  # on by default
    assert interpolate(bot["environment"]["WATCH_CONTENT"], {"WATCH_CONTENT": "0"}) == "0"


def test_content_read_only_and_data_in_a_named_volume(compose: dict) -> None:
    named = set(compose.get("volumes") or {})
    for name, service in bot_services(compose).items():
        mounts = {}
        for volume in service["volumes"]:
            source, target, *mode = volume.split(":")
            mounts[target] = (source, mode)
        assert mounts["/app/content"] == ("./content", ["ro"]), name
        assert (ROOT / "content").is_dir()
        data_source, _ = mounts["/app/data"]
        assert data_source in named, f"{name}: /app/data should be a named volume"
        env = {k: interpolate(str(v)) for k, v in service.get("environment", {}).items()}
        settings = Settings.load(environ={"SHARD_COUNT": "2", **env}, env_file=None)
        assert settings.content_dir == Path("/app/content")
        assert settings.articles_db.parent == Path("/app/data")


def test_postgres_service_for_shared_state(compose: dict) -> None:
    pg = compose["services"]["postgres"]
    assert pg["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(pg["healthcheck"]["test"])
    source = pg["volumes"][0].split(":")[0]
    assert source in compose["volumes"]
    env = {k: interpolate(str(v)) for k, v in pg["environment"].items()}
    # The commented PostgreSQL URL in .env.example reaches this service with its account.
    examples = env_example_assignments(commented=True)
    url = next(v for k, v in examples if k == "STATE_DATABASE_URL" and v.startswith("postgres"))
    expected = f"postgresql://{env['POSTGRES_USER']}:PASSWORD@postgres:5432/{env['POSTGRES_DB']}"
    assert url == expected


def test_postgres_has_no_default_password(compose: dict, tmp_path: Path) -> None:
    pg = compose["services"]["postgres"]
    assert interpolate(pg["environment"]["POSTGRES_PASSWORD"]) == ""
    examples = dict(env_example_assignments(commented=True))
    assert examples["POSTGRES_PASSWORD"] == ""
    # The service's entrypoint, as the container runs it ($$ is Compose's escaped $).
    entry = [part.replace("$$", "$") for part in pg["entrypoint"]]
    command = [*entry, *pg["command"]]

    def start(password: str) -> subprocess.CompletedProcess:
        env = {"PATH": "/usr/bin:/bin", "POSTGRES_PASSWORD": password}
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path)

    refused = start("")
    assert refused.returncode == 1
    assert refused.stderr.strip().startswith("POSTGRES_PASSWORD is not set")
    # With a password it hands over to the image's own entrypoint (absent here).
    handed = start("a-long-random-password")
    assert handed.returncode == 127 and "docker-entrypoint.sh" in handed.stderr


def test_bot_containers_are_locked_down(compose: dict) -> None:
    for name, service in bot_services(compose).items():
        assert service["cap_drop"] == ["ALL"], name
        assert "no-new-privileges:true" in service["security_opt"], name
        assert service["read_only"] is True, name
        assert "/tmp" in service["tmpfs"], name
        # What the bot writes (cache, state, heartbeat) is on the data volume.
        env = {k: interpolate(str(v)) for k, v in service.get("environment", {}).items()}
        settings = Settings.load(environ={"SHARD_COUNT": "2", **env}, env_file=None)
        mounts = {v.split(":")[1]: v.split(":")[0] for v in service["volumes"]}
        for path in (settings.articles_db, settings.heartbeat_file):
            assert mounts.get(str(path.parent)) in compose["volumes"], (name, path)


def test_shard_processes_have_their_own_shards_and_caches(compose: dict) -> None:
    services = bot_services(compose)
    shards = {name: s for name, s in services.items() if name != "bot"}
    assert shards, "document at least one extra shard process"
    caches = {"/app/data/articles.db"}
    shard_ids: set[str] = set()
    for name, service in shards.items():
        env = service["environment"]
        assert env["SHARD_IDS"] not in shard_ids, f"{name} repeats a shard"
        shard_ids.add(env["SHARD_IDS"])
        assert env["ARTICLES_DB"] not in caches, f"{name} shares an article cache file"
        caches.add(env["ARTICLES_DB"])
        assert service["profiles"], f"{name} should be opt-in (a profile)"
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        # A shard process is only useful with shared state: its profile brings PostgreSQL.
        assert set(service["profiles"]) <= set(compose["services"]["postgres"]["profiles"])


# --- .env.example ------------------------------------------------------------------------


def env_example_assignments(*, commented: bool) -> list[tuple[str, str]]:
    """KEY=value lines of .env.example; with commented=True, also `# KEY=value` examples."""
    pattern = r"^\s*(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$"
    out = []
    for line in (ROOT / ".env.example").read_text(encoding="utf-8").splitlines():
        match = re.match(pattern, line)
        if match and (commented or not match.group(1)):
            out.append((match.group(2), match.group(3).strip()))
    return out


def test_env_example_documents_every_setting() -> None:
    documented = {key for key, _ in env_example_assignments(commented=True)}
    missing = [name for name in SETTING_NAMES if name not in documented]
    assert not missing, f".env.example does not document {missing}"
    unknown = documented - set(SETTING_NAMES) - COMPOSE_VARIABLES
    assert not unknown, f".env.example sets names the bot does not read: {unknown}"


def test_env_example_loads_as_is() -> None:
    path = ROOT / ".env.example"
    values = read_env_file(path)
    assert values.get("DISCORD_TOKEN", "") == ""  # never ship a token
    settings = Settings.load(environ={}, env_file=path)
    assert settings.discord_token == ""
    assert settings == Settings.load(environ={}, env_file=None).with_(log_level=settings.log_level)


def test_every_commented_example_is_a_valid_value(tmp_path: Path) -> None:
    for key, value in env_example_assignments(commented=True):
        if key in COMPOSE_VARIABLES:
            continue
        env = {key: value}
        if key == "SHARD_IDS":
            env["SHARD_COUNT"] = "2"
        Settings.load(environ=env, env_file=None)  # raises SettingsError on a bad example
    # And all of them at once, as someone uncommenting the whole file would get.
    uncommented = tmp_path / ".env"
    uncommented.write_text(
        "\n".join(f"{k}={v}" for k, v in env_example_assignments(commented=True)) + "\n"
    )
    settings = Settings.load(environ={}, env_file=uncommented)
    assert settings.watch_content is True and settings.shard_count == 2


# --- packaging ---------------------------------------------------------------------------


def test_the_licence_is_an_spdx_expression() -> None:
    """A `license = {text = …}` table made setuptools print ~45 lines of deprecation warnings
    on every install; setuptools reads an SPDX string from version 77."""
    from importlib.metadata import metadata

    from packaging.requirements import Requirement

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    setuptools = next(
        Requirement(r) for r in meta["build-system"]["requires"] if r.startswith("setuptools")
    )
    assert not setuptools.specifier.contains("76.1") and setuptools.specifier.contains("77.0")
    assert metadata("articlebot")["License-Expression"] == "MIT", "reinstall: make test"
