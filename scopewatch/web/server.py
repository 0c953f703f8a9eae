"""Serving the page: waitress (a production WSGI server in pure Python) on the [web] address,
in the foreground for `scopewatch web`, or on a thread beside the watchers in `scopewatch run`."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from waitress import wasyncore

from scopewatch.errors import ConfigError

log = logging.getLogger(__name__)
THREADS = 4
# Connections are cheap to hold open and cost a client nothing: without a limit on how long one may
# sit idle, a hundred half-sent requests made the page unreachable. Behind a TLS proxy (nginx,
# Caddy) the proxy buffers requests and these limits are rarely reached; see the README.
CONNECTION_LIMIT = 250  # open connections at once; more wait until one closes
CHANNEL_TIMEOUT = 15  # seconds a connection may sit idle (a half-sent request included)
MAX_BODY = 2 * 1024 * 1024  # bytes of one request body (the page's forms are a few kB)


class WebServer:
    """One listening page; `port` is the bound port (useful with port 0)."""

    def __init__(self, app, host: str, port: int):
        from waitress import create_server

        self.app = app
        try:
            self._server = create_server(app, host=host, port=port, threads=THREADS, ident="scopewatch",
                                         clear_untrusted_proxy_headers=True, connection_limit=CONNECTION_LIMIT,
                                         channel_timeout=CHANNEL_TIMEOUT, cleanup_interval=2,
                                         max_request_body_size=MAX_BODY)
        except OSError as exc:
            raise ConfigError(f"the web page cannot listen on {host}:{port} ({exc.strerror or exc}); "
                              f"choose another [web] port or --port") from None
        self.host = host
        self.port = self._server.effective_port
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{self.port}/"

    def serve_forever(self) -> None:
        self._server.run()

    def start(self) -> "WebServer":
        self._thread = threading.Thread(target=self._server.run, name="web page", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server = self._server
        if self._thread is not None and self._thread.is_alive():
            # Closed from inside its own loop: closing sockets under a running select() fails
            # with EBADF in the loop's thread. With every socket closed, the loop ends.
            server.trigger.pull_trigger(lambda: wasyncore.close_all(server._map))
            self._thread.join(timeout=5)
            server.task_dispatcher.shutdown()
        else:
            server.close()
        self.app.extensions["scopewatch_close"]()


def make_server(workspace: Path | None, database: str | None = None, *, host: str | None = None,
                port: int | None = None, config=None, ledger=None) -> WebServer:
    """The page for this workspace, bound (not serving yet) to host:port (default [web] host/port)."""
    from scopewatch.config import load_config
    from scopewatch.web.app import create_app
    from scopewatch.workspace import default_workspace

    root = Path(workspace) if workspace is not None else default_workspace()
    config = config or load_config(root)
    host = host or config.web.host
    port = config.web.port if port is None else port
    app = create_app(root, database, config=config, host=host, ledger=ledger)
    return WebServer(app, host, port)
