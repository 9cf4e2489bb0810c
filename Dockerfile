# One image for the API (node apps/api/dist/main.js, serving the web app too) and the worker
# (node apps/api/dist/worker.js). docker-compose.yml runs both from it.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json turbo.json tsconfig.base.json ./
COPY packages ./packages
COPY apps ./apps
RUN npm ci --no-audit --no-fund && npx turbo run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 \
    REPS_WEB_DIST=/app/apps/web/dist REPS_CHALLENGES_DIR=/app/challenges
WORKDIR /app
COPY --from=build /app /app
COPY challenges ./challenges
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
