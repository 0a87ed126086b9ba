package dev.zendo.websites.website;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

import java.time.ZoneId;

/** The validators of the constraints widget settings use beyond the standard ones. */
@Factory
class WidgetValidators {

    @Singleton
    ConstraintValidator<TimeZoneId, String> timeZoneId() {
        return (value, annotation, context) -> value == null || ZoneId.getAvailableZoneIds().contains(value);
    }

    @Singleton
    ConstraintValidator<OrderedRange, TimeRange> orderedRange() {
        return (value, annotation, context) -> value == null || value.from() == null || value.to() == null
                || value.from().compareTo(value.to()) < 0;
    }
}
