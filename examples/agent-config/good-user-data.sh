#!/bin/bash
# EC2 user data for an ECS-optimized AMI instance: joins the cluster through a corporate proxy.
set -euo pipefail
cat <<'CONFIG' > /etc/ecs/ecs.config
ECS_CLUSTER=batch
ECS_AWSVPC_BLOCK_IMDS=true
ECS_DISABLE_PRIVILEGED=true
HTTP_PROXY=10.0.0.12:3128
NO_PROXY=localhost,127.0.0.1,169.254.169.254,169.254.170.2,/var/run/docker.sock
ECS_IMAGE_PULL_BEHAVIOR=prefer-cached
CONFIG
