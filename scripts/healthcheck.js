#!/usr/bin/env node
'use strict';
// Container health check of an API node (Dockerfile HEALTHCHECK, docker-compose.yml): exit 0 when
// the node answers its liveness endpoint, 1 otherwise. /api/health/live when this build has it
// (404 otherwise), else /api/health.
const port = process.env.PORT || '3000';
const base = `http://127.0.0.1:${port}`;
const get = (path) => fetch(base + path, { signal: AbortSignal.timeout(4000) });

get('/api/health/live')
  .then((res) => (res.status === 404 ? get('/api/health') : res))
  .then((res) => process.exit(res.ok ? 0 : 1))
  .catch(() => process.exit(1));
