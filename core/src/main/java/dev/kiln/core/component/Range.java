package dev.kiln.core.component;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The allowed interval of a numeric hyper-parameter, checked on construction by
 * {@link HyperParameters#check} and listed by {@link HyperParameters#describe}. Bounds are
 * inclusive unless marked exclusive; NaN is always rejected.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Range {
    double min() default Double.NEGATIVE_INFINITY;

    double max() default Double.POSITIVE_INFINITY;

    boolean minExclusive() default false;

    boolean maxExclusive() default false;
}
