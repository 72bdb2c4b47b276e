# Production image of Kuzet: one Node process (API, scheduler, embedded probe, detector, notifier).
FROM node:20.20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/probe/package.json apps/probe/
COPY apps/simulator/package.json apps/simulator/
COPY libs/contracts/package.json libs/contracts/
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs --force-web && npm prune --omit=dev

FROM node:20.20-bookworm-slim
ENV NODE_ENV=production PORT=3000 KUZET_DATA_DIR=/var/lib/kuzet
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /var/lib/kuzet && chown node:node /var/lib/kuzet
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/apps/api/src/main.js"]
