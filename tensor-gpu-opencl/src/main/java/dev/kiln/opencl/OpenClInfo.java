package dev.kiln.opencl;

/**
 * Prints what the OpenCL probe found (as {@code kiln backends} does for every backend); exits 1
 * when no usable device exists. Used by scripts/gpu-check.sh.
 */
public final class OpenClInfo {
    private OpenClInfo() {
    }

    public static void main(String[] args) {
        OpenClProvider p = new OpenClProvider();
        var a = p.probe();
        System.out.println("opencl: " + (a.available() ? "available" : "unavailable") + ", priority "
                + p.priority() + ": " + a.reason());
        p.details().forEach(l -> System.out.println("  " + l));
        System.exit(a.available() ? 0 : 1);
    }
}
