package dev.zendo.notifications.outcome;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.notifications.access.Permission;
import dev.zendo.notifications.access.WebsiteAccess;
import dev.zendo.platform.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A website's notification log: every notification decided for it, with its outcome, for its owners and admins. */
@Controller("/v1/websites/{websiteId}/notifications")
@Tag(name = "Notification log")
@SecurityRequirement(name = "bearer")
class NotificationLogController {

    private final WebsiteAccess access;
    private final NotificationLog log;

    NotificationLogController(WebsiteAccess access, NotificationLog log) {
        this.access = access;
        this.log = log;
    }

    @Get
    @Operation(operationId = "listNotifications", summary = "The website's notifications, newest first, with what became of each",
            description = "Every notification decided for the website once (a replayed event is not listed twice): delivered "
                    + "to the mail server, queued (waiting or being retried), suppressed or failed, with a machine-readable "
                    + "reason for the last two. Pass next_cursor back as cursor for the next page.")
    @ApiResponse(responseCode = "200", description = "A page of the log")
    @ApiResponse(responseCode = "400", description = "invalid_request: a bad websiteId, status, kind, cursor or limit",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: only owners and admins read the log",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website among yours",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    NotificationPage list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                          @Parameter(required = false, description = "only notifications with this status",
                                  schema = @Schema(allowableValues = {"queued", "delivered", "suppressed", "failed"}))
                          @Nullable @QueryValue @Pattern(regexp = "queued|delivered|suppressed|failed") String status,
                          @Parameter(required = false, description = "only notifications of this kind",
                                  schema = @Schema(allowableValues = {"invitation", "new_conversation", "assignment", "offline_message", "missed_reply", "transcript", "webhook_disabled"}))
                          @Nullable @QueryValue @Pattern(regexp = "invitation|new_conversation|assignment|offline_message|missed_reply|transcript|webhook_disabled") String kind,
                          @Parameter(required = false, description = "the next_cursor of the previous page")
                          @Nullable @QueryValue @Size(max = 200) String cursor,
                          @Parameter(required = false, description = "notifications per page")
                          @QueryValue(defaultValue = "50") @Min(1) @Max(NotificationLog.MAX_LIMIT) int limit) {
        access.require(agent, websiteId, Permission.READ_NOTIFICATION_LOG);
        return log.page(websiteId, status, kind, cursor == null ? null : LogCursor.parse(cursor), limit);
    }
}
