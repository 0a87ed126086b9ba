package dev.zendo.identity.password;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.identity.token.TokenResponse;
import dev.zendo.platform.http.ApiError;
import dev.zendo.platform.http.ClientAddresses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Password changes of the signed-in agent. */
@Controller("/v1/auth/password")
@Tag(name = "auth")
@SecurityRequirement(name = "bearer")
class PasswordController {

    private final PasswordChangeService changes;
    private final ClientAddresses clientAddresses;

    PasswordController(PasswordChangeService changes, ClientAddresses clientAddresses) {
        this.changes = changes;
        this.clientAddresses = clientAddresses;
    }

    @Post
    @Operation(summary = "Change the password",
            description = "Every session of the agent is revoked; the answer is a new token pair for the caller.")
    @ApiResponse(responseCode = "200", description = "A new token pair")
    @ApiResponse(responseCode = "400", description = "new_password is too short or too common",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "wrong_password: current_password is not correct",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: too many wrong passwords",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TokenResponse change(@Parameter(hidden = true) AuthenticatedAgent agent, @Valid @Body PasswordChange change, HttpRequest<?> http) {
        return changes.change(agent, change, clientAddresses.of(http));
    }
}
