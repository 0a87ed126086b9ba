package dev.zendo.websites.invitations;

import dev.zendo.auth.agent.AuthenticatedAgent;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Accepting an invitation, by the agent it was sent to. */
@Controller("/v1/invitations")
@Tag(name = "Invitations")
@SecurityRequirement(name = "bearer")
class InvitationAcceptController {

    private final InvitationService invitations;

    InvitationAcceptController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Post("/accept")
    @Operation(summary = "Accept an invitation sent to your email; the token travels in the body, never in a URL",
            description = "The access token must say the email is verified (else 403 email_unverified) and match the invited "
                    + "email (else 403 forbidden).")
    AcceptedInvitation accept(@Parameter(hidden = true) AuthenticatedAgent agent, @Valid @Body AcceptInvitationRequest request) {
        return invitations.accept(agent, request.token());
    }
}
