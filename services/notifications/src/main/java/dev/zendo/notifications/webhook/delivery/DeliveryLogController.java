package dev.zendo.notifications.webhook.delivery;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.notifications.access.Permission;
import dev.zendo.notifications.access.WebsiteAccess;
import dev.zendo.platform.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A webhook subscription's delivery log and manual redelivery, for the website's owners and admins. */
@Controller("/v1/websites/{websiteId}/webhooks/{webhookId}/deliveries")
@Tag(name = "Webhooks")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "400", description = "invalid_request: a parameter is invalid",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "403", description = "forbidden: only owners and admins manage webhooks",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "404", description = "not_found: no such website among yours, or no such webhook or delivery in it",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class DeliveryLogController {

    private final DeliveryLog log;
    private final WebsiteAccess access;

    DeliveryLogController(DeliveryLog log, WebsiteAccess access) {
        this.log = log;
        this.access = access;
    }

    @Get
    @Operation(operationId = "listWebhookDeliveries", summary = "The subscription's deliveries with their attempts, newest first")
    @ApiResponse(responseCode = "200", description = "A page of deliveries")
    DeliveryPage list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID webhookId,
                      @Parameter(required = false, description = "the next_cursor of the previous page") @Nullable @QueryValue @Size(max = 20) String cursor,
                      @Parameter(required = false, description = "deliveries per page")
                      @QueryValue(defaultValue = "20") @Min(1) @Max(DeliveryLog.MAX_LIMIT) int limit) {
        access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        return log.page(websiteId, webhookId, cursor, limit);
    }

    @Post("/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhookDelivery", summary = "Attempt a delivery again now, whatever its status",
            description = "Answers once the attempt is over, with the attempt in the log. A 2xx answer marks the delivery delivered; "
                    + "a failure changes nothing else (a pending delivery keeps its schedule).")
    @ApiResponse(responseCode = "200", description = "The delivery, with the new attempt")
    DeliveryView redeliver(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID webhookId, UUID deliveryId) {
        access.require(agent, websiteId, Permission.MANAGE_WEBHOOKS);
        return log.redeliver(websiteId, webhookId, deliveryId);
    }
}
