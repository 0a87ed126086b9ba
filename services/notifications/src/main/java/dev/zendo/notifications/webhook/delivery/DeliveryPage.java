package dev.zendo.notifications.webhook.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * One page of a subscription's delivery log, newest first.
 *
 * @param deliveries the page
 * @param nextCursor pass it as {@code cursor} for older deliveries; absent on the last page
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryPage(List<DeliveryView> deliveries,
                           @Nullable @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) String nextCursor) {
}
