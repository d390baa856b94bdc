# ArticleBot image: `docker compose up -d` (see docker-compose.yml), or
#   docker build -t articlebot . && docker run --env-file .env -v articlebot-data:/app/data articlebot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A fixed uid/gid so the data volume keeps the same owner across rebuilds.
RUN groupadd --system --gid 10001 articlebot \
    && useradd --system --uid 10001 --gid articlebot --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin articlebot

# Dependencies first, in their own layer: it is rebuilt only when pyproject.toml changes,
# not on every source edit. The list is read from [project] so it is never duplicated.
WORKDIR /src
COPY pyproject.toml ./
RUN python -c "import tomllib; m = tomllib.load(open('pyproject.toml', 'rb')); \
print('\n'.join(m['build-system']['requires'] + m['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# Then the package itself, without touching the dependencies installed above.
COPY README.md ./
COPY bot ./bot
RUN pip install --no-deps --no-build-isolation . \
    && rm -rf /src

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

# Healthy once the cache opens and holds articles; the first start builds it, hence the grace.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]

CMD ["python", "-m", "bot", "run"]
