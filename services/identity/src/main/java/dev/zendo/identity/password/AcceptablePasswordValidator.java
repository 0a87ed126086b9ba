package dev.zendo.identity.password;

import dev.zendo.identity.IdentitySettings;
import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks {@link AcceptablePassword}: the configured minimum length, then the common-password list. */
@Singleton
class AcceptablePasswordValidator implements ConstraintValidator<AcceptablePassword, String> {

    private final int minLength;
    private final CommonPasswords common;

    AcceptablePasswordValidator(IdentitySettings settings, CommonPasswords common) {
        this.minLength = settings.passwordMinLength();
        this.common = common;
    }

    @Override
    public boolean isValid(String password, AnnotationValue<AcceptablePassword> annotation, ConstraintValidatorContext context) {
        if (password == null) {
            return true;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            context.messageTemplate("must be at least " + minLength + " characters long");
            return false;
        }
        if (common.contains(password)) {
            context.messageTemplate("is too common: choose one that is harder to guess");
            return false;
        }
        return true;
    }
}
