package dev.zendo.conversations.stats;

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

/** Members' load and today's activity, for owners, admins and supervisors. */
@Controller("/v1/inbox/{websiteId}/agent-stats")
@Tag(name = "Agent stats")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "429", description = "too_many_requests: you made too many inbox requests; try again after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class AgentStatsController {

    private final AgentStatsService stats;
    private final ConversationAccess access;

    AgentStatsController(AgentStatsService stats, ConversationAccess access) {
        this.stats = stats;
        this.access = access;
    }

    @Get
    @Operation(operationId = "getAgentStats", summary = "Every member's presence, accepting state, capacity, active chats and chats handled today",
            description = "chats_handled_today counts the distinct conversations the agent replied in (text to the visitor, not "
                    + "notes) or resolved or closed a thread of since the day began, at midnight in the website's business-hours "
                    + "time zone, or UTC when it has none.")
    @ApiResponse(responseCode = "200", description = "The stats")
    @ApiResponse(responseCode = "400", description = "invalid_request: websiteId is not a UUID",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: your role may not see agent stats",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website among yours",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    AgentStats get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, ConversationPermission.VIEW_AGENT_STATS);
        return stats.of(websiteId);
    }
}
