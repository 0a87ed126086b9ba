package dev.zendo.websites.tickets;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.auth.keys.SigningKeys;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** Realtime tickets for the edge, and the keys that verify them. */
@Controller("/v1/realtime")
@Tag(name = "Realtime")
class TicketController {

    private final TicketIssuer tickets;
    private final SigningKeys keys;

    TicketController(TicketIssuer tickets, SigningKeys keys) {
        this.tickets = tickets;
        this.keys = keys;
    }

    @Post("/tickets")
    @Status(HttpStatus.CREATED)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Get a short-lived ticket naming the websites (and roles) you may subscribe to in realtime")
    Ticket issue(@Parameter(hidden = true) AuthenticatedAgent agent) {
        return tickets.issue(agent);
    }

    @Get("/jwks.json")
    @Operation(summary = "The public keys that verify realtime tickets (JWKS)")
    @ApiResponse(responseCode = "200", description = "A JSON Web Key Set (RFC 7517): {\"keys\": [public keys]}",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    Map<String, Object> jwks() {
        return keys.publicJwks();
    }
}
