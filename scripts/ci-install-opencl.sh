#!/usr/bin/env bash
# Installs an OpenCL runtime (ICD loader + POCL's CPU device) when none is present, so CI always
# runs the OpenCL conformance kit. Idempotent; does nothing when a driver is already registered.
# Debian/Ubuntu only; ~345 MB (POCL pulls clang/llvm for its kernel compiler).
set -euo pipefail

have_opencl() {
  ldconfig -p 2>/dev/null | grep -q 'libOpenCL\.so\.1' || return 1
  compgen -G "/etc/OpenCL/vendors/*.icd" >/dev/null || return 1
}

if have_opencl; then
  echo "ci-install-opencl: OpenCL runtime present ($(ls /etc/OpenCL/vendors/ | tr '\n' ' '))"
  exit 0
fi

if ! command -v apt-get >/dev/null; then
  echo "ci-install-opencl: no OpenCL runtime and no apt-get; the OpenCL tests will be skipped" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "ci-install-opencl: not root and no sudo; cannot install POCL (OpenCL tests will be skipped)" >&2
    exit 0
  fi
fi
echo "ci-install-opencl: installing ocl-icd-libopencl1 pocl-opencl-icd clinfo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  ocl-icd-libopencl1 pocl-opencl-icd clinfo >/dev/null
clinfo -l || true
