package dev.zendo.conversations.presence;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.ConversationAccess;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.platform.http.ApiError;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.UUID;

/** Teammates' presence, for every member of the website. */
@Controller("/v1/inbox/{websiteId}/presence")
@Tag(name = "Presence")
@SecurityRequirement(name = "bearer")
class TeamPresenceController {

    private final TeamPresenceService presence;
    private final ConversationAccess access;

    TeamPresenceController(TeamPresenceService presence, ConversationAccess access) {
        this.presence = presence;
        this.access = access;
    }

    @Get
    @Operation(operationId = "getTeamPresence", summary = "Every member's presence: online, away or offline, and when an offline one was last seen",
            description = "The state the realtime edges keep; the agent:online, agent:away and agent:offline frames of the "
                    + "website's realtime stream report each change after it. last_seen_at is when an offline agent's "
                    + "presence lapsed, absent when no edge ever announced the agent.")
    @ApiResponse(responseCode = "200", description = "The presence")
    @ApiResponse(responseCode = "400", description = "invalid_request: websiteId is not a UUID",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website among yours",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TeamPresence get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, ConversationPermission.VIEW_OWN_AND_QUEUE);
        return presence.of(websiteId);
    }
}
