package dev.zendo.identity.password;

import jakarta.validation.Constraint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A new password: long enough for {@code zendo.identity.password-min-length} and not on the common-password list. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Constraint(validatedBy = {})
public @interface AcceptablePassword {

    String message() default "is not an acceptable password";

    Class<?>[] groups() default {};

    Class<?>[] payload() default {};
}
