package dev.zendo.identity.signincode;

import dev.zendo.identity.accountmail.EmailRequest;
import dev.zendo.identity.accountmail.MailLanguage;
import dev.zendo.identity.accountmail.RequestAccepted;
import dev.zendo.identity.token.TokenResponse;
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

/** Signing in with a one-time code mailed to the agent's email, beside passwords. */
@Controller("/v1/auth/sign-in-code")
@Tag(name = "auth")
class SignInCodeController {

    private final SignInCodeService codes;
    private final ClientAddresses clientAddresses;

    SignInCodeController(SignInCodeService codes, ClientAddresses clientAddresses) {
        this.codes = codes;
        this.clientAddresses = clientAddresses;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    @Operation(summary = "Ask for a sign-in code",
            description = "The answer is the same whether or not the email belongs to an agent. An enabled agent's email gets a "
                    + "6-digit code (in the Accept-Language's language: en, de or es) that works once, for 10 minutes by default; "
                    + "asking again replaces it. Requests are limited per email and per client address.")
    @ApiResponse(responseCode = "202", description = "Accepted")
    @ApiResponse(responseCode = "429", description = "too_many_requests: try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    RequestAccepted request(@Valid @Body EmailRequest request, HttpRequest<?> http) {
        codes.request(request.email(), clientAddresses.of(http), MailLanguage.of(http));
        return new RequestAccepted();
    }

    @Post("/verify")
    @Operation(summary = "Sign in with an emailed code",
            description = "Answers as a password sign-in does, and the email counts as verified. Wrong codes are counted like "
                    + "wrong passwords, per email and per client address; after 5 wrong codes the code no longer works.")
    @ApiResponse(responseCode = "200", description = "A new token pair")
    @ApiResponse(responseCode = "401", description = "invalid_code, whether the email is unknown, the code wrong, used, expired or burned",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_requests: try again after Retry-After seconds",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TokenResponse verify(@Valid @Body SignInCodeVerification verification, HttpRequest<?> http) {
        return codes.verify(verification, clientAddresses.of(http));
    }
}
