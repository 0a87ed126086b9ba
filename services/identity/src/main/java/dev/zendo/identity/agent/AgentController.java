package dev.zendo.identity.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.identity.accountmail.MailLanguage;
import dev.zendo.identity.password.PasswordConfirmation;
import dev.zendo.platform.http.ApiError;
import dev.zendo.platform.http.ClientAddresses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The signed-in agent's own profile and account. */
@Controller("/v1")
@Tag(name = "agents")
@SecurityRequirement(name = "bearer")
class AgentController {

    private final AgentService agents;
    private final PasswordConfirmation confirmation;
    private final ClientAddresses clientAddresses;

    AgentController(AgentService agents, PasswordConfirmation confirmation, ClientAddresses clientAddresses) {
        this.agents = agents;
        this.confirmation = confirmation;
        this.clientAddresses = clientAddresses;
    }

    @Get("/auth/me")
    @Operation(summary = "The signed-in agent's profile")
    @ApiResponse(responseCode = "200", description = "The profile")
    @ApiResponse(responseCode = "401", description = "No valid access token, or the agent was disabled",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    AgentView me(@Parameter(hidden = true) AuthenticatedAgent agent) {
        return AgentView.of(agents.active(agent));
    }

    @Patch("/agents/me")
    @Operation(summary = "Change name, email or avatar",
            description = "Fields left out stay as they are; avatar_url \"\" removes the avatar. Access tokens carry the old "
                    + "name and email until they are refreshed.")
    @ApiResponse(responseCode = "200", description = "The updated profile; a changed email is unverified until the link "
            + "sent to it (in the Accept-Language's language: en, de or es) is used")
    @ApiResponse(responseCode = "409", description = "email_taken: another agent uses the email",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    AgentView update(@Parameter(hidden = true) AuthenticatedAgent agent, @Valid @Body ProfileChange change, HttpRequest<?> http) {
        return AgentView.of(agents.changeProfile(agents.active(agent).id(), change, MailLanguage.of(http)));
    }

    @Delete("/agents/me")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disable the signed-in agent",
            description = "Sign-in is refused from then on and every session is revoked. Access tokens already issued stay "
                    + "valid for other services until they expire (15 minutes at most).")
    @ApiResponse(responseCode = "204", description = "The agent is disabled")
    @ApiResponse(responseCode = "403", description = "wrong_password",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: too many wrong passwords",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    void disable(@Parameter(hidden = true) AuthenticatedAgent agent, @Valid @Body DisableRequest request, HttpRequest<?> http) {
        Agent current = agents.active(agent);
        confirmation.confirm(current, request.password(), "password", clientAddresses.of(http));
        agents.disable(current.id());
    }
}
