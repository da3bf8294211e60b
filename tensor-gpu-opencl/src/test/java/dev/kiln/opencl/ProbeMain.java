package dev.kiln.opencl;

/** Prints the probe in a separate JVM (the probe is cached per process); used by OpenClProviderTest. */
public final class ProbeMain {
    private ProbeMain() {
    }

    public static void main(String[] args) {
        OpenClProvider p = new OpenClProvider();
        System.out.println("available=" + p.probe().available());
        System.out.println("priority=" + p.priority());
        System.out.println("reason=" + p.probe().reason());
        p.details().forEach(l -> System.out.println("detail=" + l));
    }
}
