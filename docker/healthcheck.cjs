// Exits 0 when the API on this container answers <path> (default /health/live) with 2xx. The image's HEALTHCHECK
// probes liveness; compose probes readiness (/health/ready: Temporal and PostgreSQL reachable). The slim image has
// no curl: Node's fetch does it.
'use strict';
const path = process.argv[2] ?? '/health/live';
const port = process.env.PASSAGE_HTTP_PORT ?? '3000';
fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
