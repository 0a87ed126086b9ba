package dev.zendo.conversations.audit;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.ConversationAccess;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.platform.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A website's audit log, for its owners and admins. */
@Controller("/v1/inbox/{websiteId}/audit")
@Tag(name = "Audit log")
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token from identity")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "429", description = "too_many_requests: you made too many inbox requests; try again after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class AuditController {

    private final ConversationAccess access;
    private final AuditTrail trail;

    AuditController(ConversationAccess access, AuditTrail trail) {
        this.access = access;
        this.trail = trail;
    }

    @Get
    @Operation(summary = "Read the website's audit log, newest first",
            description = "Server API calls (by secret key id) and identity-verification secret changes. Owners and admins only.")
    @ApiResponse(responseCode = "200", description = "A page of entries")
    @ApiResponse(responseCode = "400", description = "A bad cursor or limit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "Your role may not read the audit log", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "Not a member of this website, or no such website",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    AuditPage list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                   @Parameter(required = false, description = "the next_cursor of the previous page") @Nullable @QueryValue @Size(max = 20) String cursor,
                   @Parameter(required = false, description = "entries per page")
                   @QueryValue(defaultValue = "50") @Min(1) @Max(AuditTrail.MAX_LIMIT) int limit) {
        access.require(agent, websiteId, ConversationPermission.VIEW_AUDIT_LOG);
        return trail.page(websiteId, cursor, limit);
    }
}
