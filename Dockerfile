# syntax=docker/dockerfile:1
# flexiti-mock container image (contract C11). CI service containers cannot pass arguments, so the
# runtime stage starts with zero arguments and takes everything from ENV.
# test/ship/dockerfile.test.ts checks these invariants; test/ship/image-smoke.test.ts replays the
# runtime stage in a temporary folder (there is no Docker engine on the dev machines).

# ---- builder: the toolchain better-sqlite3 needs when no prebuilt binary fits, plus dev deps for tsc
FROM node:20-bookworm-slim AS builder
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts skips `prepare` (it builds with tsc, and src/ is not copied yet); better-sqlite3's
# native install step is then run on its own, so this layer is cached until the lock file changes.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ---- runtime: production node_modules, dist/, fixtures/ and package.json only; no toolchain
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    FLEXITI_MOCK_DB=/data/flexiti-mock.sqlite
WORKDIR /app
COPY --from=builder /app/package.json ./package.json
COPY --from=builder /app/node_modules ./node_modules
COPY --from=builder /app/dist ./dist
COPY fixtures ./fixtures
# The database lives on a volume the unprivileged user owns; the code stays root-owned (read-only to it).
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
# In Node, not curl (the slim image has none); reads PORT so `-e PORT=8080` keeps it right.
HEALTHCHECK --interval=10s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || '3000') + '/__admin/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/cli.js"]
