package dev.zendo.websites.website;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A {@link TimeRange} ends after it starts. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.TYPE_USE})
@Constraint(validatedBy = {})
public @interface OrderedRange {

    String message() default "must end after it starts";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
