package dev.zendo.identity.reset;

import dev.zendo.identity.accountmail.EmailRequest;
import dev.zendo.identity.accountmail.MailLanguage;
import dev.zendo.identity.accountmail.RequestAccepted;
import dev.zendo.platform.http.ApiError;
import dev.zendo.platform.http.ClientAddresses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Resetting a forgotten password through a link mailed to the agent's email. */
@Controller("/v1/auth/password-reset")
@Tag(name = "auth")
class PasswordResetController {

    private final PasswordResetService resets;
    private final ClientAddresses clientAddresses;

    PasswordResetController(PasswordResetService resets, ClientAddresses clientAddresses) {
        this.resets = resets;
        this.clientAddresses = clientAddresses;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a password reset link",
            description = "The answer is the same whether or not the email belongs to an agent. An enabled agent's email gets a "
                    + "link (in the Accept-Language's language: en, de or es) that works once, for 30 minutes by default; asking again "
                    + "replaces it. Requests are limited per email and per client address.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    @ApiResponse(responseCode = "429", description = "too_many_requests: try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    RequestAccepted request(@Valid @Body EmailRequest request, HttpRequest<?> http) {
        resets.request(request.email(), clientAddresses.of(http), MailLanguage.of(http));
        return new RequestAccepted();
    }

    @Post("/confirm")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set a new password with a reset link's token",
            description = "Every session of the agent is revoked, and the email counts as verified. The token works once.")
    @ApiResponse(responseCode = "204", description = "The password is set")
    @ApiResponse(responseCode = "400", description = "new_password is too short or too common",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "token_not_found: unknown, used or replaced",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "410", description = "token_expired",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "busy: too many passwords are being hashed; try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    void confirm(@Valid @Body PasswordResetConfirmation confirmation) {
        resets.confirm(confirmation);
    }
}
