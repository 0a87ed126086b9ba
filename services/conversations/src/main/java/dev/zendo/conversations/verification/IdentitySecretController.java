package dev.zendo.conversations.verification;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.AgentMembership;
import dev.zendo.conversations.access.ConversationAccess;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.platform.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The website's identity-verification secrets, for owners and admins: rotate (shown once), list by hint, revoke. */
@Controller("/v1/inbox/{websiteId}/identity-verification/secrets")
@Tag(name = "Identity verification")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "429", description = "too_many_requests: you made too many inbox requests; try again after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "400", description = "invalid_request: a parameter or field is invalid",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "403", description = "forbidden: only owners and admins manage identity-verification secrets",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "404", description = "not_found: no such website among yours, or no such secret in it",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class IdentitySecretController {

    private final IdentitySecrets secrets;
    private final ConversationAccess access;

    IdentitySecretController(IdentitySecrets secrets, ConversationAccess access) {
        this.secrets = secrets;
        this.access = access;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "rotateIdentitySecret", summary = "Issue a new current secret, shown only in this answer",
            description = "The host site's backend signs user tokens (HS256) with it. The secrets before it keep verifying for "
                    + "overlap_seconds (default 24 h), then stop. The body may be left out.")
    @ApiResponse(responseCode = "201", description = "The new secret, once; store it in the host backend now")
    HttpResponse<IssuedSecret> rotate(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                                      @Valid @Nullable @Body RotateSecretRequest request) {
        AgentMembership member = access.require(agent, websiteId, ConversationPermission.MANAGE_IDENTITY_SECRET);
        Duration overlap = request == null || request.overlapSeconds() == null ? null : Duration.ofSeconds(request.overlapSeconds());
        return HttpResponse.created(secrets.rotate(websiteId, member.agentId(), overlap))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Get
    @Operation(operationId = "listIdentitySecrets", summary = "The secrets that verify now, current first: hints only, never the secrets")
    @ApiResponse(responseCode = "200", description = "The secrets")
    List<SecretView> list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        access.require(agent, websiteId, ConversationPermission.MANAGE_IDENTITY_SECRET);
        return secrets.list(websiteId);
    }

    @Delete("/{secretId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeIdentitySecret", summary = "Stop a previous secret from verifying at once")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(responseCode = "409", description = "current_identity_secret: the current secret cannot be revoked; rotate first",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    void revoke(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID secretId) {
        AgentMembership member = access.require(agent, websiteId, ConversationPermission.MANAGE_IDENTITY_SECRET);
        secrets.revoke(websiteId, member.agentId(), secretId);
    }
}
