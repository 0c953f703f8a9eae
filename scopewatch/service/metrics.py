"""Prometheus metrics of the service on their own registry, served over HTTP on loopback unless
configured otherwise. Without `--metrics-port` nothing is served and the counters cost nothing."""

from __future__ import annotations

import time

from scopewatch.errors import ConfigError


class Metrics:
    """The service's counters; every method is a no-op when metrics are off."""

    def __init__(self, enabled: bool = False):
        self.enabled = enabled
        self.port: int | None = None
        if not enabled:
            return
        try:
            from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
        except ImportError:
            raise ConfigError("metrics need prometheus-client: pip install 'scopewatch[metrics]'") from None
        self.registry = CollectorRegistry()
        self.messages = Counter(
            "scopewatch_messages_processed", "Messages processed, by mailbox and message verdict",
            ["account", "folder", "verdict"], registry=self.registry,
        )
        self.findings = Counter(
            "scopewatch_findings", "Findings stored, by verdict and category",
            ["verdict", "category"], registry=self.registry,
        )
        self.reconnects = Counter(
            "scopewatch_imap_reconnects", "Reconnects after a lost or failed mailbox connection",
            ["account"], registry=self.registry,
        )
        self.latency = Histogram(
            "scopewatch_processing_seconds", "Time from fetch to ledger commit, per message",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10), registry=self.registry,
        )
        self.last_fetch = Gauge(
            "scopewatch_last_fetch_timestamp_seconds", "Unix time of the last successful fetch",
            ["account", "folder"], registry=self.registry,
        )

    def serve(self, port: int, host: str = "127.0.0.1") -> int:
        """Start the HTTP endpoint; returns the port (useful with port 0)."""
        if not self.enabled:
            return 0
        from prometheus_client import start_http_server

        try:
            server, _thread = start_http_server(port, addr=host, registry=self.registry)
        except OSError as exc:
            raise ConfigError(
                f"cannot serve metrics on {host}:{port} ({exc.strerror or exc}); pick another "
                f"--metrics-port or [service] metrics_port"
            ) from None
        self.port = server.server_address[1]
        self._server = server
        return self.port

    def stop(self) -> None:
        server = getattr(self, "_server", None)
        if server is not None:
            server.shutdown()
            server.server_close()

    def message(self, account: str, folder: str, verdict: str, findings, seconds: float) -> None:
        if not self.enabled:
            return
        self.messages.labels(account, folder, verdict).inc()
        for f in findings:
            self.findings.labels(f.verdict, f.category or "none").inc()
        self.latency.observe(seconds)

    def reconnect(self, account: str) -> None:
        if self.enabled:
            self.reconnects.labels(account).inc()

    def fetched(self, account: str, folder: str) -> None:
        if self.enabled:
            self.last_fetch.labels(account, folder).set(time.time())
