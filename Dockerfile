# Tenant Tracker: one image for every service.
#   docker build -t tenant-tracker:0.1.0 .
#   docker run --rm -p 8080:8080 tenant-tracker:0.1.0        # the gateway (embedded mode, SQLite under /tmp)
#   docker run --rm tenant-tracker:0.1.0 python -m services.profiles [serve|migrate|reindex]
#   docker run --rm tenant-tracker:0.1.0 python -m services.reporting [serve|migrate]
# Configuration is environment variables only (services/common/config.py).

ARG PYTHON_IMAGE=python:3.11-slim

# ---- build: a virtualenv with the locked runtime dependencies and the project ----
FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
COPY requirements.lock ./
# The lock pins the whole tree including the test tools; the image leaves those out.
RUN grep -viE '^(pytest|pytest-timeout|iniconfig|pluggy|pygments|openapi-spec-validator|openapi-schema-validator|jsonschema-path|pathable|lazy-object-proxy|rfc3339-validator)==' requirements.lock > requirements.runtime \
 && pip install --no-deps -r requirements.runtime
COPY pyproject.toml ./
COPY services ./services
# Compiled ahead of time: the root filesystem is read-only in Kubernetes.
RUN pip install --no-deps . \
 && python -m compileall -q /opt/venv/lib \
 && pip uninstall -y pip

# ---- runtime: the virtualenv only, run as a non-root user ----
FROM ${PYTHON_IMAGE} AS runtime
ARG UID=10001
RUN groupadd --system --gid ${UID} tracker \
 && useradd --system --uid ${UID} --gid tracker --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin tracker
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    TRACKER_VAR_DIR=/tmp/tracker \
    TRACKER_GATEWAY_HOST=0.0.0.0 \
    TRACKER_GRPC_HOST=0.0.0.0
# Run from a directory without the sources so `services` resolves to the installed package.
WORKDIR /app
USER ${UID}:${UID}
EXPOSE 8080 50051 50052 9101 9102
CMD ["python", "-m", "services.gateway"]
