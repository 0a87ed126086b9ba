package dev.zendo.conversations.visitor;

import dev.zendo.auth.keys.SigningKeys;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Map;

/** The public keys that verify visitor session tokens, for the realtime edge and anyone else who checks them. */
@Controller("/v1/widget")
@Tag(name = "Widget")
class VisitorJwksController {

    private final SigningKeys keys;

    VisitorJwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Get("/jwks.json")
    @Operation(summary = "The public keys that verify visitor session tokens (JWKS): the signing key and any previous or next one")
    @ApiResponse(responseCode = "200", description = "A JSON Web Key Set (RFC 7517): {\"keys\": [public keys]}",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE)))
    HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(keys.publicJwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
