#!/bin/sh
# The commands of the Passage image. `exec` leaves node the process that receives the stop signal.
set -eu
cli=/app/dist/apps/cli/src/main.js
command=${1:-api}
if [ "$#" -gt 0 ]; then shift; fi
case "$command" in
  api) exec node /app/dist/apps/api/src/main.js ;;
  worker) exec node /app/dist/apps/worker/src/main.js ;;
  # Release jobs: the schema, then the catalogue (agencies and every life-event version). Both are idempotent.
  migrate) exec node "$cli" db migrate ;;
  publish-catalogue) exec node "$cli" publish --catalogue ;;
  # Demonstrations only: it signs in with development tokens (PASSAGE_AUTH=development).
  agency-simulator) exec node /app/dist/apps/agency-simulator/src/main.js "$@" ;;
  # Any other command of the CLI, e.g. `passage migrate <life-event> --from 1 --to 2 --dry-run`.
  passage) exec node "$cli" "$@" ;;
  *) exec "$command" "$@" ;;
esac
