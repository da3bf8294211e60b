#!/usr/bin/env bash
# OpenCL runtime (POCL) for the tensor-gpu-opencl conformance kit.
exec bash "$(dirname "${BASH_SOURCE[0]}")/../../scripts/ci-install-opencl.sh"
