package dev.zendo.notifications.preference;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.notifications.access.Membership;
import dev.zendo.notifications.access.Permission;
import dev.zendo.notifications.access.WebsiteAccess;
import dev.zendo.platform.http.ApiError;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

/** The caller's own choice of optional mails about one website. */
@Controller("/v1/websites/{websiteId}/notification-preferences")
@Tag(name = "Notification preferences")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "404", description = "not_found: no such website among yours",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class PreferencesController {

    private final WebsiteAccess access;
    private final Preferences preferences;

    PreferencesController(WebsiteAccess access, Preferences preferences) {
        this.access = access;
        this.preferences = preferences;
    }

    @Get
    @Operation(operationId = "getNotificationPreferences", summary = "Your optional mails about the website, each on or off",
            description = "Account and access mails (verification, password reset, sign-in codes, invitations) always go; "
                    + "these are off until you turn them on, except offline_message, which is on until you turn it off.")
    @ApiResponse(responseCode = "200", description = "Your preferences")
    @ApiResponse(responseCode = "400", description = "invalid_request: websiteId is not a UUID",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    NotificationPreferences get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        Membership membership = access.require(agent, websiteId, Permission.OWN_PREFERENCES);
        return preferences.of(membership.agentId(), websiteId);
    }

    @Put
    @Operation(operationId = "putNotificationPreferences", summary = "Set your optional mails about the website")
    @ApiResponse(responseCode = "200", description = "Your preferences, as stored")
    @ApiResponse(responseCode = "400", description = "invalid_request: a missing, unknown or mistyped field",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    NotificationPreferences put(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                                @Body @Valid NotificationPreferences body) {
        Membership membership = access.require(agent, websiteId, Permission.OWN_PREFERENCES);
        return preferences.replace(membership.agentId(), websiteId, body);
    }
}
