#!/usr/bin/python3
"""PyTorch side of Kiln's state-dict tests (issue 16).

  state_dict_torch.py --write DIR        writes DIR/mlp.safetensors: the state_dict of the seed MLP
                                         nn.Sequential(Linear(784,128), ReLU(), Linear(128,10)) made
                                         with torch.manual_seed(0), plus 'input' [4,784] and 'logits'
                                         [4,10] (PyTorch's output) as extra tensors.
  state_dict_torch.py --check-kiln FILE  loads a Kiln-saved state dict (StateDict.save) into the same
                                         architecture with load_state_dict(strict=True), after dropping
                                         only keys ending in '.rng_state', and prints its logits.

Debian's python3-torch has no safetensors package, so the format (8-byte little-endian header
length, JSON header, raw little-endian data) is read and written here by hand.
"""
import json
import struct
import sys

import torch
from torch import nn


def mlp():
    return nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        data = t.detach().contiguous().to(torch.float32).numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":")).encode()
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, h in header.items():
        if name == "__metadata__":
            continue
        if h["dtype"] != "F32":
            raise SystemExit(f"{path}: {name} is {h['dtype']}, this script reads F32 only")
        start, end = h["data_offsets"]
        out[name] = torch.frombuffer(bytearray(data[start:end]), dtype=torch.float32).reshape(h["shape"])
    return out


def main():
    torch.manual_seed(0)
    if sys.argv[1] == "--write":
        net = mlp()
        x = torch.rand(4, 784)
        with torch.no_grad():
            logits = net(x)
        tensors = dict(net.state_dict())
        tensors["input"] = x
        tensors["logits"] = logits
        write_safetensors(sys.argv[2] + "/mlp.safetensors", tensors)
        print("wrote", list(tensors))
    elif sys.argv[1] == "--check-kiln":
        sd = {k: v for k, v in read_safetensors(sys.argv[2]).items() if not k.endswith(".rng_state")}
        net = mlp()
        net.load_state_dict(sd, strict=True)
        x = torch.rand(4, 784)
        with torch.no_grad():
            print(json.dumps({"keys": list(sd), "logits_sum": float(net(x).sum())}))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
