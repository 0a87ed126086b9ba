package dev.zendo.identity.auth;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.identity.accountmail.MailLanguage;
import dev.zendo.identity.agent.AgentService;
import dev.zendo.identity.token.RefreshTokenService;
import dev.zendo.identity.token.SessionService;
import dev.zendo.identity.token.TokenResponse;
import dev.zendo.platform.http.ApiError;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.http.ClientAddresses;
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

/** Sign-up, sign-in, token refresh and sign-out. */
@Controller("/v1/auth")
@Tag(name = "auth")
class AuthController {

    private final AgentService agents;
    private final SignUpService signUps;
    private final LoginService logins;
    private final SessionService sessions;
    private final RefreshTokenService refreshTokens;
    private final ClientAddresses clientAddresses;

    AuthController(AgentService agents, SignUpService signUps, LoginService logins, SessionService sessions, RefreshTokenService refreshTokens,
                   ClientAddresses clientAddresses) {
        this.agents = agents;
        this.signUps = signUps;
        this.logins = logins;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.clientAddresses = clientAddresses;
    }

    @Post("/signup")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Register a new agent and sign it in",
            description = "The email is unverified until the link sent to it (in the Accept-Language's language: en, de or es) is used.")
    @ApiResponse(responseCode = "201", description = "The agent and its first token pair")
    @ApiResponse(responseCode = "400", description = "A field is missing or invalid; the password is too short or too common",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "email_taken: another agent uses the email",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: too many sign-ups from this address; try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "busy: too many passwords are being hashed; try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TokenResponse signup(@Valid @Body SignupRequest request, HttpRequest<?> http) {
        return signUps.signUp(request, clientAddresses.of(http), MailLanguage.of(http));
    }

    @Post("/login")
    @Operation(summary = "Sign in with email and password",
            description = "Failed attempts are counted per email and per client address; past the limit the answer is 429 with Retry-After.")
    @ApiResponse(responseCode = "200", description = "A new token pair")
    @ApiResponse(responseCode = "401", description = "invalid_credentials, whether the email is unknown, the password wrong or the agent disabled",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "busy: too many passwords are being checked; try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TokenResponse login(@Valid @Body LoginRequest request, HttpRequest<?> http) {
        return logins.logIn(request, clientAddresses.of(http));
    }

    @Post("/refresh")
    @Operation(summary = "Exchange a refresh token for a new token pair",
            description = "Each refresh token works once. Presenting one that was already exchanged revokes its whole session.")
    @ApiResponse(responseCode = "200", description = "The next token pair of the session")
    @ApiResponse(responseCode = "401", description = "invalid_refresh_token: unknown, expired, revoked or already used",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: this session refreshed too often; try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TokenResponse refresh(@Valid @Body RefreshTokenRequest request) {
        return sessions.refresh(request.refreshToken()).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "invalid_refresh_token", "The refresh token is not valid; sign in again."));
    }

    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Sign out: revoke the session of the given refresh token",
            description = "Access tokens already issued stay valid until they expire (15 minutes at most).")
    @ApiResponse(responseCode = "204", description = "The session is revoked (or was not the caller's)")
    void logout(@Parameter(hidden = true) AuthenticatedAgent agent, @Valid @Body RefreshTokenRequest request) {
        refreshTokens.revokeFamilyOf(request.refreshToken(), agents.active(agent).id());
    }
}
