package dev.zendo.websites.invitations;

import dev.zendo.auth.agent.AuthenticatedAgent;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** A website's invitations. */
@Controller("/v1/websites/{websiteId}/invitations")
@Tag(name = "Invitations")
@SecurityRequirement(name = "bearer")
class InvitationController {

    private final InvitationService invitations;

    InvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Invite an email with a role; the answer shows the token once")
    InvitationView invite(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, @Valid @Body CreateInvitationRequest request) {
        return invitations.invite(agent, websiteId, request);
    }

    @Get
    @Operation(summary = "List the invitations that can still be accepted")
    List<InvitationView> listPending(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        return invitations.listPending(agent, websiteId);
    }

    @Delete("/{invitationId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an open invitation")
    void revoke(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID invitationId) {
        invitations.revoke(agent, websiteId, invitationId);
    }
}
