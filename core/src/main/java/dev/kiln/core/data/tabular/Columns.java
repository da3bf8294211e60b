package dev.kiln.core.data.tabular;

import java.util.ArrayList;
import java.util.List;

/** Column bookkeeping shared by the transformers. */
final class Columns {
    private Columns() {
    }

    /**
     * The columns a transformer works on: the requested ones (each must exist and have a type in
     * {@code allowed}), or, when none were requested, every column of type {@code defaultType}
     * (null = every column).
     */
    static List<String> resolve(DataFrame df, List<String> requested, ColumnType defaultType, String who,
            ColumnType... allowed) {
        if (requested == null) {
            return defaultType == null ? df.names() : df.names(defaultType);
        }
        for (String name : requested) {
            check(df, name, who, allowed);
        }
        return new ArrayList<>(requested);
    }

    /** The column {@code name} of {@code df}, which must exist and have one of the types. */
    static Column check(DataFrame df, String name, String who, ColumnType... allowed) {
        if (!df.has(name)) {
            throw new IllegalArgumentException(who + ": no column '" + name + "'; columns are " + df.names());
        }
        Column c = df.column(name);
        for (ColumnType t : allowed) {
            if (c.type() == t) {
                return c;
            }
        }
        throw new IllegalArgumentException(who + ": column '" + name + "' is " + c.type().name().toLowerCase()
                + "; this step works on " + describe(allowed) + " columns");
    }

    private static String describe(ColumnType... types) {
        List<String> names = new ArrayList<>();
        for (ColumnType t : types) {
            names.add(t.name().toLowerCase());
        }
        return String.join(" or ", names);
    }

    static List<String> copy(String[] names) {
        return names.length == 0 ? null : List.of(names);
    }
}
