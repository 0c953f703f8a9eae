"""The Flask application: one ledger for the process, the workspace read anew per request (an
accepted change writes the agreement), the interface in the VA's `[digest] language`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from flask import Flask, g

from scopewatch.config import Config, load_config
from scopewatch.errors import ConfigError
from scopewatch.outbox import Session, reviewer
from scopewatch.draft.templating import shown
from scopewatch.store.ledger import Ledger
from scopewatch.store.url import database_url
from scopewatch.web import security
from scopewatch.workspace import default_workspace, open_workspace

LANGUAGES = ("en", "nl")


class WebApp(Flask):
    # Every template is escaped, whatever its name ends in (Flask's default only knows ".html").
    def select_jinja_autoescape(self, filename: str | None) -> bool:
        return True


@lru_cache(maxsize=8)
def _labels(path: str, mtime: float) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def labels(template_dirs: list[Path], language: str) -> dict[str, str]:
    """The interface's words (templates/web/labels.yaml; a workspace copy overrides the shipped one),
    English filling in any word the language lacks."""
    for d in template_dirs:
        path = d / "web" / "labels.yaml"
        if path.is_file():
            data = _labels(str(path), path.stat().st_mtime)
            return {**data.get("en", {}), **data.get(language, {})}
    raise ConfigError("templates/web/labels.yaml is missing from the installation")


def login_password(config: Config, host: str) -> str | None:
    """The login secret the page needs: None on loopback without one configured; beyond loopback
    one is required (env, file or command, never the file itself)."""
    if config.web.has_password:
        return config.web.password()
    if security.is_loopback(host):
        return None
    where = config.source_file or config.workspace / "scopewatch.toml"
    raise ConfigError(
        f"the web page would listen on {host}, beyond this machine, without a login: set "
        f"SCOPEWATCH_WEB_PASSWORD, or [web] password_env / password_file / password_command in {where} "
        f"(or keep [web] host = \"127.0.0.1\")"
    )


def create_app(workspace: Path | str | None = None, database: str | None = None, *,
               config: Config | None = None, host: str | None = None, ledger: Ledger | None = None) -> WebApp:
    """The review page for a workspace. `host` is the address it will listen on (default [web]
    host): anything but loopback needs a login password."""
    root = Path(workspace) if workspace is not None else default_workspace()
    ws = open_workspace(root)  # fail now, with the usual message, when it is no workspace
    config = config or load_config(ws.root)
    listen = host or config.web.host
    password = login_password(config, listen)
    app = WebApp("scopewatch.web", static_folder=None, template_folder=None)
    app.jinja_loader = None  # set per workspace below
    from jinja2 import FileSystemLoader

    app.jinja_loader = FileSystemLoader([str(d) for d in ws.template_dirs()])
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.finalize = shown  # a bidi control in client text is shown as [U+202E], never obeyed
    security.install(app, login_password=password)
    own_ledger = ledger is None
    ledger = ledger or Ledger.open(database_url(ws.root, database or config.database_url))
    language = config.digest_language if config.digest_language in LANGUAGES else "en"
    app.config.update(SCOPEWATCH_ROOT=ws.root, SCOPEWATCH_CONFIG=config, SCOPEWATCH_LANGUAGE=language,
                      SCOPEWATCH_PASSWORD=password)
    app.extensions["scopewatch_ledger"] = ledger
    app.extensions["scopewatch_close"] = ledger.close if own_ledger else (lambda: None)

    from scopewatch.web import agreement_views, views

    views.register(app)
    agreement_views.register(app)
    return app


def web_session() -> Session:
    """This request's Session (workspace read now, the app's ledger, who acts), made once."""
    from flask import current_app

    if "sw_session" not in g:
        app = current_app
        ws = open_workspace(app.config["SCOPEWATCH_ROOT"])
        g.sw_session = Session(ws, app.config["SCOPEWATCH_CONFIG"], app.extensions["scopewatch_ledger"],
                               f"{reviewer()} (web)")
    return g.sw_session
