package dev.zendo.websites.website;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;

/** Opening ranges of each weekday; a day left out or empty is closed. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record WeeklyHours(
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 6) List<@Valid TimeRange> monday,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 6) List<@Valid TimeRange> tuesday,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 6) List<@Valid TimeRange> wednesday,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 6) List<@Valid TimeRange> thursday,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 6) List<@Valid TimeRange> friday,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 6) List<@Valid TimeRange> saturday,
        @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) @Size(max = 6) List<@Valid TimeRange> sunday) {

    public WeeklyHours {
        monday = monday == null ? List.of() : monday;
        tuesday = tuesday == null ? List.of() : tuesday;
        wednesday = wednesday == null ? List.of() : wednesday;
        thursday = thursday == null ? List.of() : thursday;
        friday = friday == null ? List.of() : friday;
        saturday = saturday == null ? List.of() : saturday;
        sunday = sunday == null ? List.of() : sunday;
    }

    /** The ranges by weekday, Monday first. */
    public Map<DayOfWeek, List<TimeRange>> byDay() {
        return Map.of(DayOfWeek.MONDAY, monday, DayOfWeek.TUESDAY, tuesday, DayOfWeek.WEDNESDAY, wednesday,
                DayOfWeek.THURSDAY, thursday, DayOfWeek.FRIDAY, friday, DayOfWeek.SATURDAY, saturday, DayOfWeek.SUNDAY, sunday);
    }
}
