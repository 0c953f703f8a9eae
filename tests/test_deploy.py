"""The deployment files (Dockerfile, docker-compose.yml, the Dovecot playground, the systemd unit)
checked without Docker: what they run is a real scopewatch command, what deploy/README.md says
about each compose service is what the compose file does, no secret is written into them, and the
playground's mailbox is rendered from the test suite's own Dovecot template and really starts."""

from __future__ import annotations

import importlib.util
import imaplib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
from fnmatch import fnmatch
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import skip_or_fail
from tests.dovecot import DovecotServer, _doveadm_binary, _dovecot_binary, free_port, make_message

REPO = Path(__file__).resolve().parents[1]
COMPOSE = REPO / "docker-compose.yml"
DOCKERFILE = REPO / "Dockerfile"
MAIL_DOCKERFILE = REPO / "deploy" / "dovecot" / "Dockerfile"
ENTRYPOINT = REPO / "deploy" / "dovecot" / "entrypoint.py"
UNIT = REPO / "deploy" / "scopewatch.service"
README = REPO / "README.md"  # section "Run it as a service"
SAMPLE_MAILBOX = REPO / "examples" / "mailbox"
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|PASSPHRASE|API_?KEY", re.I)
VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")


# --- readers ---------------------------------------------------------------------------------------


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}, as `docker compose config` does."""

    def one(m: re.Match) -> str:
        name, op, arg = m.group(1), m.group(2), m.group(3)
        have = env.get(name)
        if op and op.endswith("?") and not have:
            raise KeyError(f"{name}: {arg}")
        if op and op.endswith("-") and not have:
            return arg
        return have or ""

    return VAR.sub(one, value).replace("$$", "$")


def volume_parts(volume: str) -> list[str]:
    """SOURCE:TARGET[:MODE] of a short-syntax volume, with ${VAR:-default} filled in."""
    return interpolate(volume, {}).split(":")


def env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines; `# KEY=...` lines count as named (with an empty value)."""
    values = {}
    for line in path.read_text().splitlines():
        m = re.match(r"^\s*(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$", line)
        if m:
            values[m.group(2)] = "" if m.group(1) else m.group(3).strip()
    return values


def dockerfile(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    out, current = [], ""
    for line in path.read_text().splitlines():
        if line.lstrip().startswith("#"):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        current += line
        if current.strip():
            word, _, rest = current.strip().partition(" ")
            out.append((word.upper(), " ".join(rest.split())))
        current = ""
    return out


def final_stage(instructions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    last = max(i for i, (word, _) in enumerate(instructions) if word == "FROM")
    return instructions[last:]


def exec_form(args: str) -> list[str]:
    assert args.startswith("["), f"use the exec (JSON) form so signals reach scopewatch: {args}"
    return yaml.safe_load(args)


def unit_file(path: Path) -> dict[str, list[tuple[str, str]]]:
    """systemd's INI dialect: repeated keys allowed, so a list of (key, value) per section."""
    sections: dict[str, list[tuple[str, str]]] = {}
    current = None
    for n, line in enumerate(path.read_text().splitlines(), 1):
        line = line.strip()
        if not line or line[0] in "#;":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
            continue
        assert current is not None and "=" in line, f"{path.name}:{n}: not KEY=VALUE in a section: {line}"
        key, _, value = line.partition("=")
        current.append((key.strip(), value.strip()))
    return sections


def readme_services() -> dict[str, dict[str, list[str] | str]]:
    """The README's compose table: service -> column -> its `code` spans (or the raw cell)."""
    text = README.read_text()
    section = text[text.index("### With docker compose") : text.index("### With systemd")]
    lines = [l for l in section.splitlines() if l.startswith("| ")]
    header = [c.strip() for c in lines[0].strip("|").split("|")]
    rows = {}
    for line in lines[1:]:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        row = {h: cell for h, cell in zip(header, cells)}
        spans = {h: re.findall(r"`([^`]*)`", cell) for h, cell in row.items()}
        rows[spans["Service"][0]] = {"raw": row, **spans}
    return rows


def cli_command(args: list[str]) -> str:
    """The scopewatch sub-command `args` runs, after click has parsed every option (so an unknown
    option or a missing command fails here)."""
    from scopewatch.cli import cli

    ctx = cli.make_context("scopewatch", list(args))
    rest = [*getattr(ctx, "_protected_args", []), *ctx.args]
    name, command, sub_args = cli.resolve_command(ctx, rest)
    assert command is not None, f"scopewatch has no command {args[0]!r}"
    command.make_context(name, sub_args, parent=ctx)
    return name


def load_entrypoint():
    spec = importlib.util.spec_from_file_location("playground_entrypoint", ENTRYPOINT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- docker-compose.yml ------------------------------------------------------------------------


def test_compose_has_the_playground_and_a_real_profile():
    data = compose()
    services = data["services"]
    assert set(services) == {"postgres", "mail", "scopewatch", "scopewatch-real"}
    # `docker compose up` starts the playground; the real mailbox only when asked for.
    assert services["scopewatch-real"]["profiles"] == ["real"]
    assert all("profiles" not in services[s] for s in ("postgres", "mail", "scopewatch"))
    named = set(data["volumes"])
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume_parts(volume)[0]
            if not source.startswith(("/", ".")):
                assert source in named, f"volume {source} is not declared under volumes:"


@pytest.mark.parametrize("name", ["postgres", "mail", "scopewatch", "scopewatch-real"])
def test_compose_service_is_what_the_readme_says(name):
    service, doc = compose()["services"][name], readme_services()[name]
    if "image" in service:
        assert "image" in doc["raw"]["Image / build"] and doc["Image / build"] == [service["image"]]
    else:
        build = service["build"]
        context, file = (build, "Dockerfile") if isinstance(build, str) else (build["context"], build["dockerfile"])
        assert (REPO / context / file).is_file()
        assert doc["Image / build"] == [os.path.normpath(os.path.join(context, file))]
    if "command" in service:
        assert doc["Command"] == [" ".join(service["command"])]
    else:
        assert doc["Command"] == [] and "image default" in doc["raw"]["Command"]
    assert doc["Volumes"] == service.get("volumes", [])
    # "and all of `.env`" in the README is the service's env_file.
    assert ("all of `.env`" in doc["raw"]["Environment"]) == (service.get("env_file") == ".env")
    assert sorted(v for v in doc["Environment"] if v != ".env") == sorted(service.get("environment", {}))
    test = service["healthcheck"]["test"]
    assert test[0] == "CMD" and doc["Healthcheck"] == [" ".join(test[1:])]


def test_compose_scopewatch_runs_the_image_command_and_healthcheck():
    runtime = final_stage(dockerfile(DOCKERFILE))
    entry = exec_form(next(a for w, a in runtime if w == "ENTRYPOINT"))
    cmd = exec_form(next(a for w, a in runtime if w == "CMD"))
    health = next(a for w, a in runtime if w == "HEALTHCHECK")
    health_cmd = exec_form(health[health.index("CMD ") + 4:])
    for name in ("scopewatch", "scopewatch-real"):
        service = compose()["services"][name]
        assert entry == ["scopewatch"]
        assert cli_command(service["command"]) == "run"
        assert service["command"] == cmd
        assert service["healthcheck"]["test"] == ["CMD", *health_cmd]
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert service["environment"]["SCOPEWATCH_WORKSPACE"] == "/workspace"
        assert any(volume_parts(v)[1] == "/workspace" for v in service["volumes"])
    playground = compose()["services"]["scopewatch"]
    assert playground["depends_on"]["mail"]["condition"] == "service_healthy"
    assert playground["network_mode"] == "service:mail"


def test_compose_playground_settings_load_and_point_at_the_test_mailbox(tmp_path):
    from scopewatch.config import load_config

    services = compose()["services"]
    values = env_file(REPO / ".env.example")
    env = {k: interpolate(str(v), values) for k, v in services["scopewatch"]["environment"].items()}
    (tmp_path / "scopes").mkdir()
    config = load_config(tmp_path, environ=env)
    [box] = config.mailboxes
    entrypoint = load_entrypoint()
    mail_env = dict(a.split("=", 1) for w, args in dockerfile(MAIL_DOCKERFILE) if w == "ENV" for a in args.split())
    assert (box.name, box.host, box.security) == ("playground", "127.0.0.1", "plain")
    assert box.port == int(mail_env["MAIL_PORT"]) and box.username == entrypoint.DEFAULT_USER
    assert box.password() == values["PLAYGROUND_MAIL_PASSWORD"]
    assert interpolate(services["mail"]["environment"]["PLAYGROUND_MAIL_PASSWORD"], values) == box.password()
    # The ledger is the compose PostgreSQL, with its user, database and password.
    pg = services["postgres"]["environment"]
    url = urlsplit(config.database_url)
    assert url.scheme == "postgresql+psycopg" and url.hostname == "postgres"
    assert (url.username, url.path.lstrip("/")) == (pg["POSTGRES_USER"], pg["POSTGRES_DB"])
    assert url.password == interpolate(pg["POSTGRES_PASSWORD"], values)
    assert services["postgres"]["healthcheck"]["test"][1] == "pg_isready"
    # Metrics leave the container only through the host's loopback.
    assert config.metrics_port == 9464
    assert services["mail"]["ports"] == ["127.0.0.1:9464:9464", "127.0.0.1:8465:8465"]
    assert services["scopewatch-real"]["ports"] == ["127.0.0.1:9464:9464"]
    # The review page runs inside `run`, behind the login (it listens on the container's 0.0.0.0),
    # and reaches the host on its loopback only; the digest links to that address.
    web = config.web
    assert web.serve and web.host == "0.0.0.0" and web.port == 8465
    assert web.password() == values["PLAYGROUND_WEB_PASSWORD"]
    assert web.base_url == "http://127.0.0.1:8465"
    from scopewatch.web.app import login_password

    assert login_password(config, web.host) == values["PLAYGROUND_WEB_PASSWORD"]


def test_compose_bind_mounts_exist():
    for service in compose()["services"].values():
        for volume in service.get("volumes", []):
            source = volume_parts(volume)[0]
            if source.startswith("./") and source != "./workspace":  # ./workspace is the VA's own
                assert (REPO / source).is_dir(), f"{source} does not exist"


def test_env_example_names_every_variable_compose_uses():
    used = set(m.group(1) for m in VAR.finditer(COMPOSE.read_text()))
    assert {"POSTGRES_PASSWORD", "PLAYGROUND_MAIL_PASSWORD", "PLAYGROUND_WEB_PASSWORD"} <= used
    assert used <= set(env_file(REPO / ".env.example")), f"missing: {used - set(env_file(REPO / '.env.example'))}"
    assert ".env" in (REPO / ".gitignore").read_text().split()
    assert ".env" in (REPO / ".dockerignore").read_text().split()


def _no_secret(where: str, key: str, value: str) -> None:
    value = str(value)
    if SECRET_NAME.search(key):
        assert re.fullmatch(r"\$\{[A-Z_]+:\?[^}]*\}", value), f"{where}: {key} must come from .env, not {value!r}"
    credentials = re.search(r"://[^:@/]+:(.*)@[^@]*$", value)
    if credentials:
        assert VAR.fullmatch(credentials.group(1)), f"{where}: {key} has a password written into its URL"


def test_no_secret_is_written_into_compose_or_the_images():
    for name, service in compose()["services"].items():
        env = service.get("environment", {})
        assert isinstance(env, dict), f"{name}: write environment as a mapping"
        for key, value in env.items():
            _no_secret(f"compose {name}", key, value)
    for path in (DOCKERFILE, MAIL_DOCKERFILE):
        for word, args in dockerfile(path):
            if word in ("ENV", "ARG", "LABEL"):
                for assignment in args.split():
                    key, _, value = assignment.partition("=")
                    assert not SECRET_NAME.search(key), f"{path.name}: {word} {key} would bake a secret into the image"
                    assert "@" not in value or "://" not in value, f"{path.name}: {word} {key} holds a URL with credentials"
    # A missing secret stops compose with a message instead of starting with an empty password.
    with pytest.raises(KeyError, match="POSTGRES_PASSWORD"):
        interpolate(compose()["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"], {})


# --- Dockerfiles ----------------------------------------------------------------------------------


def test_dockerfile_is_multi_stage_slim_and_runs_unprivileged():
    instructions = dockerfile(DOCKERFILE)
    froms = [a for w, a in instructions if w == "FROM"]
    assert len(froms) == 2 and froms[0].endswith(" AS builder")
    base = next(a for w, a in instructions if w == "ARG" and a.startswith("PYTHON_IMAGE=")).split("=", 1)[1]
    assert re.fullmatch(r"python:3\.11-slim(-\w+)?", base)
    runtime = final_stage(instructions)
    assert any("from=builder" in a for w, a in runtime if w in ("RUN", "COPY"))
    words = [w for w, _ in runtime]
    user = next(a for w, a in runtime if w == "USER")
    assert user.split(":")[0] not in ("root", "0")
    assert words.index("USER") < words.index("ENTRYPOINT")
    assert "/workspace" in exec_form(next(a for w, a in runtime if w == "VOLUME"))
    assert "SCOPEWATCH_WORKSPACE=/workspace" in " ".join(a for w, a in runtime if w == "ENV").split()
    # The extras it installs exist, so the image has PostgreSQL and metrics support.
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    for extras in re.findall(r"\[([a-z,-]+)\]", " ".join(a for w, a in instructions if w == "RUN")):
        assert set(extras.split(",")) <= set(project["optional-dependencies"])


def test_dockerfile_entrypoint_and_healthcheck_are_real_scopewatch_commands():
    runtime = final_stage(dockerfile(DOCKERFILE))
    entry = exec_form(next(a for w, a in runtime if w == "ENTRYPOINT"))
    cmd = exec_form(next(a for w, a in runtime if w == "CMD"))
    assert entry == ["scopewatch"]
    assert cli_command(cmd) == "run"
    health = next(a for w, a in runtime if w == "HEALTHCHECK")
    health_cmd = exec_form(health[health.index("CMD ") + 4:])
    assert health_cmd[0] == "scopewatch" and cli_command(health_cmd[1:]) == "status"
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert "scopewatch" in project["scripts"]


def test_dockerfile_builder_makes_a_working_wheel_from_what_it_copies(tmp_path):
    """The builder stage's COPY set alone (no checkout around it) builds the wheel, with the command
    and the shipped rules, templates and sample inside."""
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("the build backend hatchling is not installed in this environment (pip install hatchling)")
    builder = dockerfile(DOCKERFILE)
    stage_end = [i for i, (w, _) in enumerate(builder) if w == "FROM"][1]
    context = tmp_path / "src"
    context.mkdir()
    for word, args in builder[:stage_end]:
        if word == "COPY":
            *sources, dest = args.split()
            for source in sources:
                target = context / (Path(dest) / Path(source).name if dest.endswith("/") else dest)
                copy = shutil.copytree if (REPO / source).is_dir() else shutil.copy
                copy(REPO / source, target)
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(tmp_path / "wheels"), str(context)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    [wheel] = (tmp_path / "wheels").glob("scopewatch-*.whl")
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    for shipped in ("rules", "templates", "templates/web", "examples/scopes"):
        assert any(n.startswith(f"scopewatch/_shipped/{shipped}/") for n in names), f"{shipped} missing from the wheel"
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "scopewatch = scopewatch.cli:main" in entry_points


def _dockerignored(path: str, patterns: list[str]) -> bool:
    """Docker's rule: the last pattern matching the path (or a folder above it) decides."""
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    ignored = False
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        if any(fnmatch(p, pattern) or fnmatch(p, pattern.replace("**/", "")) for p in prefixes):
            ignored = not negate
    return ignored


@pytest.mark.parametrize("path", [DOCKERFILE, MAIL_DOCKERFILE], ids=["scopewatch", "mail"])
def test_dockerfile_copies_files_that_exist_and_reach_the_build(path):
    patterns = [l.strip() for l in (REPO / ".dockerignore").read_text().splitlines()
                if l.strip() and not l.startswith("#")]
    copies = [a.split() for w, a in dockerfile(path) if w == "COPY" and "--from" not in a]
    assert copies
    for *sources, _dest in copies:
        for source in sources:
            assert (REPO / source).exists(), f"{path.name}: COPY {source}: no such file"
            assert not _dockerignored(source.rstrip("/"), patterns), f"{path.name}: .dockerignore drops {source}"
    assert _dockerignored(".env", patterns) and _dockerignored(".venv/bin/python", patterns)


# --- the playground mailbox (deploy/dovecot) ----------------------------------------------------


def test_playground_dovecot_config_is_the_test_suites_template_rendered():
    """Same template, same renderer: the two configs differ only in the folder and the port."""
    entrypoint = load_entrypoint()
    copies = {a.split()[0]: a.split()[1] for w, a in dockerfile(MAIL_DOCKERFILE) if w == "COPY"}
    template_in_image = Path(copies["tests/data/dovecot/dovecot.conf.in"])
    assert template_in_image.parent == Path(copies["deploy/dovecot/entrypoint.py"]).parent
    assert template_in_image.name == "dovecot.conf.in"  # where template_path() looks first
    assert entrypoint.template_path() == REPO / "tests" / "data" / "dovecot" / "dovecot.conf.in"

    server = DovecotServer(idle=True)  # renders its config; not started
    try:
        ours = entrypoint.render_config(entrypoint.DEFAULT_BASE, entrypoint.DEFAULT_PORT)
        theirs = server.conf.read_text()
    finally:
        server.cleanup()

    def normal(text: str, base: str, port: int) -> list[str]:
        return re.sub(rf"\b{port}\b", "<PORT>", text.replace(base, "<BASE>")).splitlines()

    assert normal(ours, entrypoint.DEFAULT_BASE, entrypoint.DEFAULT_PORT) == normal(theirs, str(server.base), server.port)
    assert "port = 143" in ours and "$" not in ours


def _start_playground(base: Path, port: int, password: str) -> subprocess.Popen:
    env = {**os.environ, "MAIL_BASE": str(base), "MAIL_PORT": str(port), "PLAYGROUND_MAIL_PASSWORD": password}
    proc = subprocess.Popen([sys.executable, str(ENTRYPOINT)], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"playground mailbox exited: {proc.stdout.read().decode()}")
        check = subprocess.run([sys.executable, str(ENTRYPOINT), "--check"], env=env)
        if check.returncode == 0:
            return proc
        time.sleep(0.1)
    pytest.fail("playground mailbox did not answer within 15 s")


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    proc.wait(timeout=15)
    time.sleep(0.3)  # the imap children leave a moment after the master


@pytest.mark.dovecot
def test_playground_mailbox_starts_with_the_sample_mail_and_keeps_it():
    if _dovecot_binary() is None or _doveadm_binary() is None:
        skip_or_fail("Dovecot is not installed (apt-get install dovecot-imapd)")
    # Dovecot's unprivileged processes must read the folder: not under pytest's 0700 tmp_path.
    base = Path(tempfile.mkdtemp(prefix="scopewatch-playground-", dir="/tmp"))
    base.chmod(0o755)
    port, password = free_port(), "playground-test-pw"
    samples = [p for sub in ("cur", "new") for p in (SAMPLE_MAILBOX / sub).iterdir() if p.is_file()]
    proc = _start_playground(base / "srv", port, password)
    try:
        imap = imaplib.IMAP4("127.0.0.1", port, timeout=10)
        with pytest.raises(imaplib.IMAP4.error):
            imap.login("va", "wrong")
        imap.login("va", password)
        typ, data = imap.select("INBOX", readonly=True)
        assert typ == "OK" and int(data[0]) == len(samples) == 36
        typ, listing = imap.list()
        folders = b"\n".join(listing)
        assert b"\\Drafts" in folders and b"Drafts" in folders and b"\\Sent" in folders
        imap.logout()
        # New mail the way deploy/README.md says, inside the container: doveadm save.
        command = re.search(r"docker compose exec -T mail (doveadm .*?) <", README.read_text()).group(1)
        command = command.replace(load_entrypoint().DEFAULT_BASE, str(base / "srv")).split()
        saved = subprocess.run(command, input=make_message(subject="new for the playground"),
                               capture_output=True, timeout=30)
        assert saved.returncode == 0, saved.stderr
    finally:
        _stop(proc)
    env = {**os.environ, "MAIL_PORT": str(port)}
    assert subprocess.run([sys.executable, str(ENTRYPOINT), "--check"], env=env).returncode == 1

    # A second start keeps the mailbox as it is: no second copy of the sample, nothing lost.
    proc = _start_playground(base / "srv", port, password)
    try:
        imap = imaplib.IMAP4("127.0.0.1", port, timeout=10)
        imap.login("va", password)
        assert int(imap.select("INBOX", readonly=True)[1][0]) == len(samples) + 1
        imap.logout()
    finally:
        _stop(proc)
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.dovecot
def test_playground_mailbox_logs_to_the_container_log_as_pid_1(tmp_path):
    """`docker compose logs mail` shows Dovecot's log: as pid 1 the log file leads to stdout."""
    if _dovecot_binary() is None:
        skip_or_fail("Dovecot is not installed (apt-get install dovecot-imapd)")
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("needs root and unshare(1) to run the entrypoint as pid 1, as in a container")
    base = Path(tempfile.mkdtemp(prefix="scopewatch-playground-", dir="/tmp"))
    base.chmod(0o755)
    port, out = free_port(), tmp_path / "container.log"
    env = {**os.environ, "MAIL_BASE": str(base / "srv"), "MAIL_PORT": str(port), "PLAYGROUND_MAIL_PASSWORD": "pid1-pw"}
    with out.open("wb") as fh:
        proc = subprocess.Popen([unshare, "--pid", "--fork", "--mount-proc", sys.executable, str(ENTRYPOINT)],
                                env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 15
        while b"starting up" not in out.read_bytes() and time.monotonic() < deadline:
            assert proc.poll() is None, out.read_text()
            time.sleep(0.1)
        imap = imaplib.IMAP4("127.0.0.1", port, timeout=10)
        imap.login("va", "pid1-pw")
        imap.logout()
        deadline = time.monotonic() + 5
        while b"Login: user=<va>" not in out.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert b"Login: user=<va>" in out.read_bytes(), out.read_text()
        assert b"pid1-pw" not in out.read_bytes()
    finally:
        _stop(proc)
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.dovecot
@pytest.mark.postgres
def test_compose_playground_works_end_to_end_without_docker(tmp_path, pg_url):
    """The compose scopewatch settings against the playground mailbox: unhealthy before the first
    fetch, then every sample mail in the PostgreSQL ledger, flags to review, and healthy."""
    if _dovecot_binary() is None or _doveadm_binary() is None:
        skip_or_fail("Dovecot is not installed (apt-get install dovecot-imapd)")
    base = Path(tempfile.mkdtemp(prefix="scopewatch-playground-", dir="/tmp"))
    base.chmod(0o755)
    values = {**env_file(REPO / ".env.example"), "PLAYGROUND_MAIL_PASSWORD": "e2e-playground-pw"}
    port = free_port()
    service = compose()["services"]["scopewatch"]
    env = {k: interpolate(str(v), values) for k, v in service["environment"].items()}
    # What only Docker provides: the workspace volume with the bind-mounted sample agreements,
    # Dovecot's port 143 and the postgres service, here a free port and the test PostgreSQL.
    workspace = tmp_path / "workspace"
    shutil.copytree(REPO / "examples" / "scopes", workspace / "scopes")
    env.update(SCOPEWATCH_WORKSPACE=str(workspace), SCOPEWATCH_MAILBOX_PLAYGROUND_PORT=str(port),
               SCOPEWATCH_DATABASE=pg_url, SCOPEWATCH_SERVICE_METRICS_PORT="")
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("SCOPEWATCH_")}, **env}
    env = {k: v for k, v in env.items() if v != ""}
    status = [sys.executable, "-m", "scopewatch", *service["healthcheck"]["test"][2:]]
    status[status.index("/workspace")] = str(workspace)
    proc = _start_playground(base / "srv", port, values["PLAYGROUND_MAIL_PASSWORD"])
    try:
        before = subprocess.run(status, env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
        assert before.returncode == 1, before.stdout + before.stderr
        scan = subprocess.run([sys.executable, "-m", "scopewatch", "scan", "--workspace", str(workspace), "--json"],
                              env=env, capture_output=True, text=True, timeout=300, cwd=REPO)
        assert scan.returncode == 0, scan.stderr
        assert values["PLAYGROUND_MAIL_PASSWORD"] not in scan.stdout + scan.stderr
        after = subprocess.run([*status, "--json"], env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
        # the mailbox was read just now, but by a scan that has ended: no service runs, so unhealthy
        doc = json.loads(after.stdout)
        assert after.returncode == 1 and doc["folders"][0]["state"] == "stopped", after.stdout + after.stderr
        assert not doc["folders"][0]["stale"] and doc["folders"][0]["last_fetch_at"]
        flags = subprocess.run([sys.executable, "-m", "scopewatch", "flags", "--workspace", str(workspace), "--json"],
                               env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
        assert flags.returncode == 0, flags.stderr
        found = [json.loads(line) for line in flags.stdout.splitlines() if line.strip()]
        assert {f["client"] for f in found} == {p.stem for p in (REPO / "examples" / "scopes").glob("*.yaml")}
    finally:
        _stop(proc)
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.parametrize(
    "env, message",
    [
        ({}, "PLAYGROUND_MAIL_PASSWORD is not set"),
        ({"PLAYGROUND_MAIL_PASSWORD": "a:b"}, "cannot contain ':'"),
        ({"PLAYGROUND_MAIL_PASSWORD": "ok", "MAIL_PORT": "imap"}, "MAIL_PORT must be a port number"),
    ],
)
def test_playground_mailbox_refuses_bad_settings_in_one_line(tmp_path, env, message):
    clean = {k: v for k, v in os.environ.items() if k not in ("PLAYGROUND_MAIL_PASSWORD", "MAIL_PORT")}
    proc = subprocess.run([sys.executable, str(ENTRYPOINT)], capture_output=True, text=True,
                          env={**clean, "MAIL_BASE": str(tmp_path / "srv"), **env}, timeout=30)
    assert proc.returncode == 1
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "srv").exists()


# --- systemd -----------------------------------------------------------------------------------------


def test_systemd_unit_runs_scopewatch_as_its_own_hardened_user():
    from scopewatch.errors import AuthenticationError, ConfigError, WorkspaceError

    unit = unit_file(UNIT)
    service = dict(unit["Service"])
    assert service["User"] == "scopewatch" and service["Restart"] == "on-failure"
    assert service["EnvironmentFile"] == "/etc/scopewatch/scopewatch.env"
    assert service["NoNewPrivileges"] == "yes" and service["PrivateTmp"] == "yes"
    assert service["ProtectSystem"] == "strict"
    assert "/var/lib/scopewatch" in service["ReadWritePaths"].split()
    exec_start = service["ExecStart"].split()
    assert exec_start[:1] == ["/opt/scopewatch/bin/scopewatch"]
    assert cli_command(exec_start[1:]) == "run"
    assert exec_start[exec_start.index("--workspace") + 1] == "/var/lib/scopewatch"
    # A configuration mistake or a refused password is not retried; the codes are scopewatch's.
    assert service["RestartPreventExitStatus"].split() == [str(ConfigError.exit_code), str(AuthenticationError.exit_code)]
    assert WorkspaceError.exit_code == ConfigError.exit_code
    assert dict(unit["Install"])["WantedBy"] == "multi-user.target"
    # The README installs it where the unit expects things.
    text = README.read_text()
    for needle in ("/opt/scopewatch/bin/pip", "/etc/scopewatch/scopewatch.env", "useradd --system",
                   "systemctl enable --now scopewatch"):
        assert needle in text


def test_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    analyze = shutil.which("systemd-analyze")
    system_units = Path("/usr/lib/systemd/system")
    if analyze is None or not (system_units / "sysinit.target").exists():
        pytest.skip("systemd-analyze (apt package systemd) is not installed; not a CI-required tool")
    # A throwaway root: the unit's ExecStart must exist there, the real machine is not touched.
    root = tmp_path / "root"
    shutil.copytree(system_units, root / "usr/lib/systemd/system", symlinks=True)
    (root / "etc/systemd/system").mkdir(parents=True)
    program = root / "opt/scopewatch/bin/scopewatch"
    program.parent.mkdir(parents=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    target = root / "etc/systemd/system/scopewatch.service"
    shutil.copy(UNIT, target)
    proc = subprocess.run([analyze, "verify", f"--root={root}", "--man=no", str(target)],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    # verify exits 0 on a misspelt key; any message at all is a problem in the unit.
    assert proc.returncode == 0 and not proc.stderr.strip() and not proc.stdout.strip(), proc.stderr + proc.stdout
    # The hardening stays: systemd's own exposure score (0 best, 10 worst) must stay "OK" or better.
    score = subprocess.run([analyze, "security", "--offline=yes", "--threshold=30", str(UNIT)],
                           capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert score.returncode == 0, score.stdout[-400:]


def test_systemd_env_example_holds_settings_scopewatch_reads(tmp_path):
    from scopewatch.config import load_config

    values = {k: v for k, v in env_file(REPO / "deploy" / "scopewatch.env.example").items() if v}
    assert values and all(k.startswith("SCOPEWATCH_") for k in values)
    (tmp_path / "scopewatch.toml").write_text(
        '[[mailbox]]\nname = "work"\nhost = "imap.example.com"\nusername = "va@example.com"\n'
    )
    [box] = load_config(tmp_path, environ=values).mailboxes
    assert box.password() == values["SCOPEWATCH_MAILBOX_WORK_PASSWORD"]
