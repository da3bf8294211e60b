#!/usr/bin/env python3
"""Loads a Kiln checkpoint of the seed MLP into PyTorch and evaluates it on the MNIST test set.

A cross-check of the safetensors files Kiln writes: the header is parsed by hand (8-byte
little-endian length, JSON, little-endian F32 data; torch 1.13 has no safetensors module), the
parameters ("0.weight", "0.bias", "2.weight", "2.bias": Kiln's Dense keeps PyTorch's [out, in]
layout) go into nn.Sequential(Linear(784, 128), ReLU(), Linear(128, 10)) with strict=True.
Usage: /usr/bin/python3 benchmarks/peers/load_kiln_checkpoint.py CHECKPOINT.safetensors
"""
import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mnist_mlp_torch import load  # noqa: E402


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    meta = header.pop("__metadata__", {})
    body = data[8 + n:]
    tensors = {}
    for name, e in header.items():
        assert e["dtype"] == "F32", (name, e["dtype"])
        begin, end = e["data_offsets"]
        arr = np.frombuffer(body[begin:end], dtype="<f4").reshape(e["shape"])
        tensors[name] = torch.from_numpy(arr.copy())
    return tensors, meta


def main():
    tensors, meta = read_safetensors(sys.argv[1])
    params = {k: tensors[k] for k in json.loads(meta["parameter_keys"])}
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    model.load_state_dict(params, strict=True)
    data_dir = os.path.join(os.environ.get("KILN_DATA", os.path.expanduser("~/.cache/kiln/datasets")), "mnist")
    x, y = load(data_dir, "t10k")
    with torch.no_grad():
        accuracy = (model(x).argmax(1) == y).float().mean().item()
    print(json.dumps({"epoch": int(meta["epoch"]), "optimizer": meta["optimizer"], "test_accuracy": round(accuracy, 6)}))


if __name__ == "__main__":
    main()
