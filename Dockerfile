# syntax=docker/dockerfile:1
# scopewatch service image. Build: `docker build -t scopewatch .`
# Run:   docker run -v "$PWD/workspace:/workspace" --env-file .env scopewatch
# The workspace (scopewatch.toml, scopes/, and the SQLite ledger unless SCOPEWATCH_DATABASE points
# elsewhere) is a volume; secrets come from the environment at run time, never from the image.
ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- builder: wheels for scopewatch and every dependency --------------------------------------
FROM ${PYTHON_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY scopewatch ./scopewatch
COPY rules ./rules
COPY templates ./templates
COPY examples ./examples
RUN pip wheel --wheel-dir /wheels ".[postgres,metrics]"

# --- runtime: only the installed wheels, run as an unprivileged user ---------------------------
FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SCOPEWATCH_WORKSPACE=/workspace

# A fixed uid so a bind-mounted workspace can be chowned to it on the host: chown -R 10001 ...
RUN groupadd --system --gid 10001 scopewatch \
 && useradd --system --uid 10001 --gid scopewatch --home-dir /workspace --no-create-home \
        --shell /usr/sbin/nologin scopewatch \
 && install -d -o scopewatch -g scopewatch -m 0750 /workspace

# The wheels are mounted for this one step, so they take no room in the image.
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    pip install --no-index --find-links /wheels "scopewatch[postgres,metrics]"

USER 10001:10001
WORKDIR /workspace
VOLUME ["/workspace"]

# `scopewatch status` exits non-zero when a mailbox has not been fetched for longer than
# stale_after (15 minutes by default); start-period covers the first backlog.
HEALTHCHECK --interval=60s --timeout=30s --start-period=5m --retries=3 \
    CMD ["scopewatch", "status", "--workspace", "/workspace"]

# SIGTERM (docker stop): scopewatch finishes the message in hand, logs out and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["scopewatch"]
CMD ["run", "--workspace", "/workspace"]
