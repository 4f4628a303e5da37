#!/usr/bin/env bash
# Starts (installing the first time) the local OpenStack the provider's integration suite runs
# against, then writes the variables to source: the portal user's openrc plus the admin account the
# suite uses to lower the quota and revoke tokens.
#
#   bash .ci/start-openstack.sh && . .data/openstack.env
#
# OPENSTACK_TOOL   the shared start script (default /work/shared/tools/openstack/start-openstack.sh,
#                  else ../shared/tools/openstack/start-openstack.sh beside the repository)
# OPENSTACK_ENV    where to write the variables (default .data/openstack.env)
# OS_BASE          the tool's state directory, where it writes its openrc (default /tmp/openstack)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

tool="${OPENSTACK_TOOL:-}"
if [ -z "$tool" ]; then
  for candidate in /work/shared/tools/openstack/start-openstack.sh \
    "$(dirname "$repo")/shared/tools/openstack/start-openstack.sh"; do
    if [ -f "$candidate" ]; then tool="$candidate" && break; fi
  done
fi
if [ -z "$tool" ] || [ ! -f "$tool" ]; then
  echo "start-openstack: no start-openstack.sh found (set OPENSTACK_TOOL)" >&2
  exit 1
fi

# the tool is idempotent: a running OpenStack is reused; it needs root for apt and its services
bash "$tool" start

base="${OS_BASE:-/tmp/openstack}"
env_file="${OPENSTACK_ENV:-$repo/.data/openstack.env}"
mkdir -p "$(dirname "$env_file")"
{
  echo "# written by .ci/start-openstack.sh on $(date -u +%FT%TZ): the portal user, then the admin"
  grep '^export OS_' "$base/openrc"
  sed -n 's/^export OS_USERNAME=/export OS_ADMIN_USERNAME=/p; s/^export OS_PASSWORD=/export OS_ADMIN_PASSWORD=/p; s/^export OS_PROJECT_NAME=/export OS_ADMIN_PROJECT_NAME=/p' \
    "$base/admin-openrc"
} >"$env_file"
chmod 600 "$env_file"

echo "OpenStack variables written to $env_file; source them with:  . $env_file"
cat "$env_file"
