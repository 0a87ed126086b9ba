package dev.zendo.conversations.widget;

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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Where a widget starts or resumes its session on a page of a customer's website. */
@Controller("/v1/widget")
@Tag(name = "Widget")
class SessionController {

    private final WidgetSessions sessions;

    SessionController(WidgetSessions sessions) {
        this.sessions = sessions;
    }

    @Post("/session")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Start or resume a widget session: the visitor, its token, its conversation, the widget settings",
            description = "Called from a page whose Origin is one of the website's allowed origins. An earlier visitor token of "
                    + "the website resumes its visitor (an invalid, expired or foreign one gets a new visitor); a user token "
                    + "(identity verification) gets the verified user's visitor, merging the anonymous one into it.")
    @ApiResponse(responseCode = "201", description = "The session",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SessionView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "Unknown, revoked or expired public key, or an invalid user token", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "The page's origin is not allowed, or the website has no identity-verification secret", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "The first message's client_msg_id was used for a different message", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many sessions from this address, messages from this visitor or new conversations on this website (see Retry-After)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    SessionView open(@Parameter(hidden = true) HttpRequest<?> request, @Valid @Body SessionRequest body) {
        return sessions.open(request, body);
    }
}
