#!/usr/bin/env python3
"""Where the Wasm's bytes go, by crate: sums `twiggy top` over the un-optimised release Wasm
(the one with a name section, before wasm-bindgen and wasm-opt), attributing each function to the
crate its name starts with (for `<T as Trait>::f`, the crate of T). Shares are what matter: the
shipped file is ~1/1.7 of this after wasm-bindgen and wasm-opt -Oz.

Usage: python3 bench/wasm_crates.py $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/gd-plus-explorer.wasm [N]
Needs `twiggy` (cargo install twiggy --locked).
"""
import csv
import io
import re
import subprocess
import sys
from collections import Counter


def crate_of(name: str) -> str:
    if name.startswith(("data segment", "custom section", '"function names"', "type[", "import ", "export ", "table[", "elem[", "global[", "memory[")):
        return "(" + name.split("[")[0].split('"')[0].strip().strip('"') + ")"
    # `<T as trait_crate::Trait>::f`: a blanket impl, attributed to the trait's crate.
    blanket = re.match(r"<[A-Z][A-Za-z0-9_]* as ([a-z_][a-z0-9_]*)::", name)
    if blanket:
        name = blanket.group(1)
    m = re.match(r"[<&\s(*]*(?:dyn |mut |const )*([A-Za-z_][A-Za-z0-9_]*)", name)
    if not m:
        return "(other)"
    crate = m.group(1)
    return {"core": "std (core/alloc/std)", "alloc": "std (core/alloc/std)", "std": "std (core/alloc/std)"}.get(crate, crate)


def main() -> None:
    wasm = sys.argv[1]
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "csv", wasm], check=True, capture_output=True, text=True).stdout
    sizes = Counter()
    for row in csv.DictReader(io.StringIO(out)):
        name = row["Name"]
        if (name.startswith(('"function names"', "custom section", "export "))
                or "__wasm_bindgen_unstable" in name or "__wbindgen_describe" in name):
            continue  # removed by wasm-bindgen / wasm-opt
        sizes[crate_of(name)] += int(row["ShallowSize"])
    total = sum(sizes.values())
    print(f"{'crate':40} {'bytes':>10} {'share':>7}")
    for crate, size in sizes.most_common(top_n):
        print(f"{crate:40} {size:>10,} {size / total:7.1%}")
    print(f"{'total (code + data, no custom sections)':40} {total:>10,}")


if __name__ == "__main__":
    main()
