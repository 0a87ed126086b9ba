package dev.zendo.conversations.visitor;

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

/** Visitor profiles for the website's agents. */
@Controller("/v1/inbox/{websiteId}/visitors")
@Tag(name = "Visitors")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "429", description = "too_many_requests: you made too many inbox requests; try again after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class VisitorProfileController {

    private final VisitorProfiles profiles;
    private final ConversationAccess access;

    VisitorProfileController(VisitorProfiles profiles, ConversationAccess access) {
        this.profiles = profiles;
        this.access = access;
    }

    @Get("/{visitorId}")
    @Operation(operationId = "getVisitorProfile", summary = "A visitor's profile: details, claims, attributes, latest page views and past threads with ratings",
            description = "The id of a visitor merged into another answers the canonical visitor (its id is in the answer).")
    @ApiResponse(responseCode = "200", description = "The profile")
    @ApiResponse(responseCode = "400", description = "invalid_request: visitorId is not a UUID",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website among yours, or no such visitor in it",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    VisitorProfile get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID visitorId) {
        access.require(agent, websiteId, ConversationPermission.VIEW_VISITORS);
        return profiles.of(websiteId, visitorId);
    }
}
