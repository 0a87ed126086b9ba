package dev.zendo.conversations.server;

import dev.zendo.platform.http.ApiError;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Patch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

/** The server API over a website's visitors, for the website's own backend with its secret key. */
@Controller("/v1/server/visitors")
@Tag(name = "Server API")
@SecurityRequirement(name = ServerConversationController.SCHEME)
@ApiResponse(responseCode = "401", description = "No working secret key", content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "429", description = "Too many calls with this key; see Retry-After",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class ServerVisitorController {

    private final ServerVisitors visitors;

    ServerVisitorController(ServerVisitors visitors) {
        this.visitors = visitors;
    }

    @Patch("/{visitorId}")
    @Operation(summary = "Update a visitor's name, email, phone or custom attributes, as the website's backend knows them",
            description = "Trusted values: the email is shown to agents as the visitor's email, but never used to find or merge visitors.")
    @ApiResponse(responseCode = "200", description = "The visitor after the change")
    @ApiResponse(responseCode = "400", description = "A bad body", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such visitor in the key's website (or merged into another)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    VisitorView update(@Parameter(hidden = true) AuthenticatedServerKey key, UUID visitorId, @Valid @Body UpdateVisitorRequest request) {
        return visitors.update(key, visitorId, request);
    }
}
