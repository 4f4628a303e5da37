# syntax=docker/dockerfile:1
# The D-Cloud Portal's production image: one image for the web process and the workers
# (compose.yaml, docs/deployment.md). Multi-stage: the build happens in `build` with every dependency;
# the runtime stage has the production dependencies, the standalone Next.js server and the TypeScript
# sources that `scripts/start.ts` (migrations, checks, graceful shutdown) and `scripts/worker.ts` run
# through tsx. It runs as an unprivileged user.
ARG NODE_IMAGE=node:20-bookworm-slim

# Phase 1: every dependency, for the build
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# Phase 2: the Next.js build, standalone output (next.config.js switches on NEXT_OUTPUT; `npm start`
# outside the image keeps `next start`). The standalone server gets the static files beside it, and the
# migrations journal that readyz compares with the database (lib/config/check-readiness.ts).
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
COPY . .
RUN node node_modules/next/dist/bin/next build \
 && cp -r .next/static .next/standalone/.next/static \
 && mkdir -p .next/standalone/db \
 && cp -r db/migrations .next/standalone/db/migrations

# Phase 3: production dependencies only (tsx, pg, pg-boss, nodemailer… for start.ts and the workers)
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Phase 4: the runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    DCLOUD_MODE=production \
    NEXT_OUTPUT=standalone \
    NEXT_TELEMETRY_DISABLED=1 \
    DCLOUD_WORKER=off \
    PORT=3000
WORKDIR /app
RUN groupadd --system --gid 10001 dcloud \
 && useradd --system --uid 10001 --gid dcloud --home-dir /app --shell /usr/sbin/nologin dcloud
# owned by root and read-only to the app user: the process cannot rewrite its own code
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY db ./db
COPY lib ./lib
COPY scripts ./scripts
COPY --from=build /app/.next/BUILD_ID ./.next/BUILD_ID
COPY --from=build /app/.next/standalone ./.next/standalone
USER dcloud
EXPOSE 3000
# the web process; a worker runs `node --import tsx scripts/worker.ts` (compose.yaml)
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node itself, not the tsx wrapper: SIGTERM reaches start.ts, which drains (readyz 503) before it stops
CMD ["node", "--import", "tsx", "scripts/start.ts"]
