package dev.zendo.conversations.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One page of a website's audit log, newest first.
 *
 * @param entries    the page
 * @param nextCursor pass it as {@code cursor} for older entries; absent on the last page
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AuditPage(List<AuditEntry> entries,
                        @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String nextCursor) {
}
