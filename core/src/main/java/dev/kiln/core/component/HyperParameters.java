package dev.kiln.core.component;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Hyper-parameters are immutable records, one style for every learner, layer, optimizer, loss and
 * schedule. Constraints are annotations on the record components ({@link Range}, {@link OneOf},
 * {@link Nullable}), so the same source both validates (in the record's compact constructor, by
 * {@link #check}) and describes ({@link #describe}). Records bind to and from plain maps (JSON,
 * config files) through Jackson, starting from the component's defaults; an unknown key is an
 * error, never ignored.
 *
 * <p>A record nested in a class and named {@code Config} is reported under the enclosing class's
 * name ({@code SGD.Config} → "SGD.lr: must be >= 0, got -1.0").
 */
public final class HyperParameters {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private HyperParameters() {
    }

    /** One hyper-parameter as {@link #describe} lists it. */
    public record Field(String name, String type, Object defaultValue, String constraint, String doc) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s (%s, default %s%s)%s", name, type, defaultValue,
                    constraint.isEmpty() ? "" : ", " + constraint, doc.isEmpty() ? "" : ": " + doc);
        }
    }

    /** The name errors use for {@code type}: the enclosing class for a nested {@code Config}. */
    public static String owner(Class<? extends Record> type) {
        Class<?> outer = type.getEnclosingClass();
        return outer != null && type.getSimpleName().equals("Config") ? outer.getSimpleName() : type.getSimpleName();
    }

    /**
     * Checks {@code values}, given in component order, against the annotations of {@code type}'s
     * components; call it first in the compact constructor:
     * {@code public Config { HyperParameters.check(Config.class, lr, momentum); }}.
     *
     * @throws IllegalArgumentException naming the owner, the field, the rule and the value
     */
    public static void check(Class<? extends Record> type, Object... values) {
        RecordComponent[] components = type.getRecordComponents();
        if (components.length != values.length) {
            throw new IllegalStateException(type.getName() + " has " + components.length + " components but check got "
                    + values.length + " values");
        }
        for (int i = 0; i < components.length; i++) {
            String problem = problem(components[i], values[i]);
            if (problem != null) {
                throw new IllegalArgumentException(owner(type) + "." + components[i].getName() + ": " + problem);
            }
        }
    }

    private static String problem(RecordComponent c, Object v) {
        if (v == null) {
            return c.isAnnotationPresent(Nullable.class) ? null : "must be set, got null";
        }
        Range r = c.getAnnotation(Range.class);
        if (r != null && v instanceof Number n) {
            double x = n.doubleValue();
            if (Double.isNaN(x)) {
                return "must be a number, got NaN";
            }
            boolean low = r.minExclusive() ? x <= r.min() : x < r.min();
            boolean high = r.maxExclusive() ? x >= r.max() : x > r.max();
            if (low || high) {
                return "must be " + rule(r) + ", got " + v;
            }
        }
        OneOf oneOf = c.getAnnotation(OneOf.class);
        if (oneOf != null && !Arrays.asList(oneOf.value()).contains(v.toString())) {
            return "must be one of " + String.join(", ", oneOf.value()) + ", got '" + v + "'";
        }
        return null;
    }

    private static String rule(Range r) {
        String lo = Double.isInfinite(r.min()) ? null : (r.minExclusive() ? "> " : ">= ") + num(r.min());
        String hi = Double.isInfinite(r.max()) ? null : (r.maxExclusive() ? "< " : "<= ") + num(r.max());
        return lo != null && hi != null ? lo + " and " + hi : lo != null ? lo : hi;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String constraint(RecordComponent c) {
        List<String> parts = new ArrayList<>();
        Range r = c.getAnnotation(Range.class);
        if (r != null) {
            parts.add(rule(r));
        }
        OneOf oneOf = c.getAnnotation(OneOf.class);
        if (oneOf != null) {
            parts.add("one of " + String.join("|", oneOf.value()));
        } else if (c.getType().isEnum()) {
            parts.add("one of " + String.join("|", Arrays.stream(c.getType().getEnumConstants()).map(Object::toString).toList()));
        }
        if (c.isAnnotationPresent(Nullable.class)) {
            parts.add("optional");
        }
        return String.join(", ", parts);
    }

    /** Every field of {@code defaults}' record type with its type, default, constraint and doc, in order. */
    public static List<Field> describe(Record defaults) {
        List<Field> out = new ArrayList<>();
        for (RecordComponent c : defaults.getClass().getRecordComponents()) {
            Doc doc = c.getAnnotation(Doc.class);
            out.add(new Field(c.getName(), c.getGenericType().getTypeName().replace("java.lang.", ""), value(c, defaults),
                    constraint(c), doc == null ? "" : doc.value()));
        }
        return out;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c, e);
        }
    }

    /** The record as an ordered map of plain values (what gets written to model and config files). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Record r) {
        Map<String, Object> plain = JSON.convertValue(r, LinkedHashMap.class);
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            ordered.put(c.getName(), plain.get(c.getName()));
        }
        return ordered;
    }

    /**
     * {@code defaults} with the entries of {@code values} replacing its fields; the result is
     * validated like any construction.
     *
     * @throws IllegalArgumentException for an unknown key (listing the valid ones), a value of the
     *     wrong type (naming the field) or a value that breaks a constraint
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R bind(R defaults, Map<String, ?> values) {
        Class<R> type = (Class<R>) defaults.getClass();
        TreeSet<String> valid = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            valid.add(c.getName());
        }
        for (String key : values.keySet()) {
            if (!valid.contains(key)) {
                throw new IllegalArgumentException(owner(type) + ": unknown hyper-parameter '" + key + "'; valid: "
                        + String.join(", ", valid));
            }
        }
        Map<String, Object> merged = toMap(defaults);
        merged.putAll(values);
        try {
            return JSON.convertValue(merged, type);
        } catch (IllegalArgumentException e) {
            throw explain(type, values, e);
        }
    }

    private static IllegalArgumentException explain(Class<? extends Record> type, Map<String, ?> values, IllegalArgumentException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValueInstantiationException vi && vi.getCause() instanceof IllegalArgumentException iae) {
                return iae; // the record's own check: already names the field
            }
            if (t instanceof MismatchedInputException mi && !mi.getPath().isEmpty()) {
                String field = mi.getPath().get(0).getFieldName();
                Object given = t instanceof InvalidFormatException inv ? inv.getValue() : values.get(field);
                String want = mi.getTargetType() == null ? "another type" : mi.getTargetType().getSimpleName();
                return new IllegalArgumentException(owner(type) + "." + field + ": expected " + want + ", got "
                        + (given instanceof String ? "'" + given + "'" : String.valueOf(given)), e);
            }
        }
        return new IllegalArgumentException(owner(type) + ": " + e.getMessage(), e);
    }
}
