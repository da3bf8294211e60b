package dev.kiln.opencl;

/**
 * Tile shape of the sgemm kernel: each work-group computes a {@code tile x tile} block of C with
 * {@code (tile/wpt)^2} work-items, each holding {@code wpt x wpt} results in registers. The default
 * is 128/8 (256 items, 64 accumulators each: the usual shape that keeps FP32 units busy on NVIDIA,
 * AMD and Intel GPUs; on POCL it also beat 64/4 and a barrier-free row kernel, 3.3 vs 1.6 vs 2.0
 * GFLOPS at N=1024 on a loaded 2-core machine). Override with {@code -Dkiln.opencl.sgemmTile=TILE,WPT}
 * (or {@code KILN_OPENCL_SGEMM_TILE}) to tune on a new device; a third field {@code strided} maps
 * each work-item to rows/columns {@code RTS} apart instead of a {@code wpt x wpt} block (conflict-free
 * local reads and coalesced stores, the layout that suits NVIDIA).
 */
record SgemmConfig(int tile, int wpt, boolean strided) {
    SgemmConfig(int tile, int wpt) {
        this(tile, wpt, false);
    }

    SgemmConfig {
        if (wpt <= 0 || wpt % 4 != 0 || tile <= 0 || tile % wpt != 0) {
            throw new IllegalArgumentException("sgemm tile " + tile + "," + wpt
                    + ": WPT must be a positive multiple of 4 and divide TILE (e.g. 64,4 or 128,8)");
        }
    }

    /** Work-items along each edge of the work-group. */
    int local() {
        return tile / wpt;
    }

    String buildOptions() {
        return "-DTS=" + tile + " -DWPT=" + wpt + (strided ? " -DSTRIDED_MAP" : "");
    }

    static SgemmConfig parse(String v) {
        String[] p = v.split(",");
        try {
            if (p.length == 2 || p.length == 3 && p[2].trim().equals("strided")) {
                return new SgemmConfig(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), p.length == 3);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("kiln.opencl.sgemmTile='" + v + "': expected TILE,WPT[,strided] such as 128,8");
    }

    static SgemmConfig forDevice(DeviceInfo d) {
        String v = System.getProperty("kiln.opencl.sgemmTile");
        if (v == null || v.isBlank()) {
            v = System.getenv("KILN_OPENCL_SGEMM_TILE");
        }
        if (v != null && !v.isBlank()) {
            return parse(v.trim());
        }
        // GPUs: the strided mapping, 25.9 vs 18.7 TFLOPS at N = 4096 on an H200 (BENCHMARKS.md);
        // CPU devices (POCL) keep the blocked one, measured there
        return new SgemmConfig(128, 8, d.type().isGpuLike());
    }
}
