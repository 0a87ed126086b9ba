package dev.zendo.identity.verification;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.identity.accountmail.MailLanguage;
import dev.zendo.identity.agent.AgentView;
import dev.zendo.platform.http.ApiError;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

/** Verifying an agent's email with a link mailed to it. */
@Controller("/v1/auth/email-verification")
@Tag(name = "auth")
class EmailVerificationController {

    private final EmailVerificationService verifications;

    EmailVerificationController(EmailVerificationService verifications) {
        this.verifications = verifications;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Send a new verification link to the signed-in agent's email",
            description = "The link (in the Accept-Language's language: en, de or es) replaces any earlier one. Limited per agent.")
    @ApiResponse(responseCode = "202", description = "The email the link is sent to")
    @ApiResponse(responseCode = "409", description = "email_already_verified",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    VerificationSent resend(@Parameter(hidden = true) AuthenticatedAgent agent, HttpRequest<?> http) {
        return verifications.resend(agent, MailLanguage.of(http));
    }

    @Post("/confirm")
    @Operation(summary = "Verify an email with the token of its link",
            description = "No sign-in needed: the token is the capability, and works once. Access tokens issued before say "
                    + "email_verified false until they are refreshed.")
    @ApiResponse(responseCode = "200", description = "The agent, its email verified")
    @ApiResponse(responseCode = "404", description = "token_not_found: unknown, used or replaced, or for an email the agent no longer has",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "410", description = "token_expired",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    AgentView confirm(@Valid @Body TokenRequest request) {
        return verifications.confirm(request.token());
    }
}
