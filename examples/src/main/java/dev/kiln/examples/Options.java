package dev.kiln.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The options of one example or benchmark, parsed one way everywhere: {@code --name value} or
 * {@code --name=value}, flags without a value. Parsing is picocli's; an unknown option, a missing
 * or malformed value, or a stray argument is a {@link UsageException} whose one-line message names
 * the offending text and lists the valid options (the command line prints it and exits 2).
 */
public final class Options {
    private final String command;
    private final Map<String, Object> values;

    private Options(String command, Map<String, Object> values) {
        this.command = command;
        this.values = values;
    }

    /** No options yet; add them with the builder methods. */
    public static Spec spec() {
        return new Spec();
    }

    /** Wrong command-line usage: the message is one line, ready for stderr. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** The declared options: name, type, default and a short help text each. */
    public static final class Spec {
        private record Declared(String name, Class<?> type, Object fallback, String label, String help) {
        }

        private final Map<String, Declared> declared = new TreeMap<>();

        private Spec add(String name, Class<?> type, Object fallback, String label, String help) {
            if (declared.putIfAbsent(name, new Declared(name, type, fallback, label, help)) != null) {
                throw new IllegalStateException("option --" + name + " is declared twice");
            }
            return this;
        }

        public Spec integer(String name, int fallback, String help) {
            return add(name, Integer.class, fallback, "N", help);
        }

        public Spec number(String name, long fallback, String help) {
            return add(name, Long.class, fallback, "N", help);
        }

        public Spec decimal(String name, double fallback, String help) {
            return add(name, Double.class, fallback, "X", help);
        }

        /** A string option; {@code fallback} may be null (then {@link Options#string} returns null). */
        public Spec string(String name, String fallback, String help) {
            return add(name, String.class, fallback, "VALUE", help);
        }

        public Spec flag(String name, String help) {
            return add(name, Boolean.class, false, null, help);
        }

        /** "--epochs=N, --resume" : the valid options, for error messages. */
        public String summary() {
            if (declared.isEmpty()) {
                return "none";
            }
            List<String> parts = new ArrayList<>();
            declared.values().forEach(d -> parts.add("--" + d.name() + (d.label() == null ? "" : "=" + d.label())));
            return String.join(", ", parts);
        }

        /** One line per option with its default, for {@code --help}. */
        public String usage() {
            StringBuilder sb = new StringBuilder();
            declared.values().forEach(d -> sb.append(String.format(Locale.ROOT, "  %-24s %s%s%n",
                    "--" + d.name() + (d.label() == null ? "" : " " + d.label()), d.help(),
                    d.label() == null || d.fallback() == null ? "" : " (default " + d.fallback() + ")")));
            return sb.length() == 0 ? "  (no options)\n" : sb.toString();
        }

        /** Parses {@code args} for {@code command} (named in error messages). */
        public Options parse(String command, List<String> args) {
            CommandSpec cs = CommandSpec.create().name(command);
            for (Declared d : declared.values()) {
                OptionSpec.Builder b = OptionSpec.builder("--" + d.name()).type(d.type()).description(d.help());
                if (d.label() == null) {
                    b.arity("0");
                } else {
                    b.arity("1").paramLabel(d.label());
                }
                if (d.fallback() != null) {
                    b.initialValue(d.fallback()).hasInitialValue(true);
                }
                cs.addOption(b.build());
            }
            try {
                new CommandLine(cs).parseArgs(args.toArray(String[]::new));
            } catch (UnmatchedArgumentException e) {
                String first = e.getUnmatched().isEmpty() ? "?" : e.getUnmatched().get(0);
                String what = first.startsWith("-") ? "unknown option" : "unexpected argument";
                throw new UsageException(command + ": " + what + " '" + first + "'; valid options: " + summary());
            } catch (ParameterException e) {
                throw new UsageException(command + ": " + e.getMessage().replace('\n', ' ').trim()
                        + "; valid options: " + summary());
            }
            Map<String, Object> values = new TreeMap<>();
            for (Declared d : declared.values()) {
                values.put(d.name(), cs.findOption("--" + d.name()).getValue());
            }
            return new Options(command, values);
        }
    }

    private Object value(String name, Class<?> type) {
        if (!values.containsKey(name)) {
            throw new IllegalStateException(command + " reads option --" + name + " but never declared it");
        }
        Object v = values.get(name);
        if (v != null && !type.isInstance(v)) {
            throw new IllegalStateException("option --" + name + " of " + command + " is a " + v.getClass().getSimpleName());
        }
        return v;
    }

    public int integer(String name) {
        return (Integer) value(name, Integer.class);
    }

    public long number(String name) {
        return (Long) value(name, Long.class);
    }

    public double decimal(String name) {
        return (Double) value(name, Double.class);
    }

    public String string(String name) {
        return (String) value(name, String.class);
    }

    public boolean flag(String name) {
        return (Boolean) value(name, Boolean.class);
    }
}
