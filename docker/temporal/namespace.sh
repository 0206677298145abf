#!/bin/sh
# One-shot, once the Temporal server listens (temporalio/admin-tools image): Passage's namespace and the search
# attributes of journey workflows (libs/contracts/src/lib/search-attributes.ts). Idempotent: an existing namespace
# is kept, and creating a search attribute that exists with the same type changes nothing (another type fails).
# TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and TEMPORAL_NAMESPACE_RETENTION come from the environment.
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${TEMPORAL_NAMESPACE_RETENTION:?}"

# The server's port opens before all its services are ready, and a new namespace takes a few seconds to be seen
# by every service: try each step for up to a minute.
retry() {
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge 30 ]; then echo "temporal-admin-tools: gave up on: $*" >&2; return 1; fi
    attempt=$((attempt + 1))
    sleep 2
  done
}

ensure_namespace() {
  temporal operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1 \
    || temporal operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_NAMESPACE_RETENTION"
}

retry temporal operator cluster health
retry ensure_namespace
# One attribute per call: given several --name and one --type, the CLI creates only the first.
for attribute in LifeEvent:Keyword LifeEventVersion:Int ProcessOwner:Keyword JourneyStatus:Keyword; do
  retry temporal operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --name "${attribute%%:*}" --type "${attribute#*:}"
done
echo "temporal-admin-tools: namespace $TEMPORAL_NAMESPACE ready with the journey search attributes"
