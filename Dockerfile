# ArticleBot image: `docker compose up -d` (see docker-compose.yml), or
#   docker build -t articlebot . && docker run --init --env-file .env -v articlebot-data:/app/data articlebot
# (--init, like `init: true` in docker-compose.yml, gives the bot a PID 1 that forwards
# SIGTERM and reaps the reload's worker processes.)

# -- build: the pinned dependencies and the package, in a virtualenv of their own --------
FROM python:3.11-slim AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

# Dependencies first, in their own layer: it is rebuilt only when the lock changes, not on
# every source edit. requirements.lock pins every package, with its hashes, from PyPI
# (and the setuptools that builds this package), so a rebuild installs the same files.
WORKDIR /src
COPY pyproject.toml requirements.lock ./
RUN python -m venv --without-pip /opt/venv \
    && pip --python /opt/venv/bin/python install --require-hashes --no-deps -r requirements.lock

# Then the package itself, built by the pinned setuptools, which then leaves: the image
# gets a virtualenv without pip, setuptools or wheel.
COPY README.md ./
COPY bot ./bot
RUN pip --python /opt/venv/bin/python install --no-deps --no-build-isolation . \
    && pip --python /opt/venv/bin/python uninstall --yes setuptools

# -- the image ---------------------------------------------------------------------------
FROM python:3.11-slim

# The base's own build tools are not needed to run anything here (the bot's virtualenv
# never had them). Where the base's Python comes from OS packages, pip may not remove them.
RUN python -m pip uninstall --yes --disable-pip-version-check --root-user-action=ignore \
        setuptools wheel \
    || echo "setuptools/wheel belong to the base's OS packages: left; the bot's virtualenv has neither"

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH

# A fixed uid/gid so the data volume keeps the same owner across rebuilds (a regular
# account: uids of system accounts end at 999, and useradd warns above that).
RUN groupadd --gid 10001 articlebot \
    && useradd --uid 10001 --gid articlebot --home-dir /app --no-create-home \
       --no-log-init --shell /usr/sbin/nologin articlebot

COPY --from=build /opt/venv /opt/venv

WORKDIR /app
# The bundled library; docker-compose.yml mounts ./content over it read-only.
COPY content ./content
# The cache and the SQLite state live in a volume owned by the bot's user.
RUN mkdir -p /app/data && chown articlebot:articlebot /app/data
VOLUME ["/app/data"]

ENV CONTENT_DIR=/app/content \
    ARTICLES_DB=/app/data/articles.db \
    STATE_DATABASE_URL=sqlite:////app/data/state.db \
    WATCH_CONTENT=1

USER articlebot

# Healthy while the cache holds articles and the bot's heartbeat (its event loop, gateway
# and state database) is fresh; the first start builds the cache, hence the grace.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]

CMD ["python", "-m", "bot", "run"]
