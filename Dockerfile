# Production image of Kuzet: the API node (API, scheduler, embedded probe, detector, notifier)
# and, with another command, the remote probe agent (docker-compose.yml runs both).
# Node.js 24, the current LTS; development and CI also accept Node 20.19+ (package.json engines).
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Every workspace's package.json, so that `npm ci` matches the lockfile (test/unit/deploy/dockerfile.spec.ts checks the list).
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/probe/package.json apps/probe/
COPY apps/simulator/package.json apps/simulator/
COPY libs/contracts/package.json libs/contracts/
COPY libs/checks/package.json libs/checks/
COPY libs/detection/package.json libs/detection/
COPY libs/scoring/package.json libs/scoring/
COPY libs/spool/package.json libs/spool/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs --force-web && npm prune --omit=dev

FROM node:24.21.0-bookworm-slim
ENV NODE_ENV=production PORT=3000 KUZET_DATA_DIR=/var/lib/kuzet
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# The code stays root-owned and read-only to the process; only the data folder is writable.
RUN mkdir -p /var/lib/kuzet && chown node:node /var/lib/kuzet
USER node
EXPOSE 3000
# Liveness: /api/health/live where the build has it, else /api/health (which also fails when
# the database is down or probing stalled).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "scripts/healthcheck.js"]
CMD ["node", "--max-old-space-size=768", "--heap-growing-percent=15", "dist/apps/api/src/main.js"]
