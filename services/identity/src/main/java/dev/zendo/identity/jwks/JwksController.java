package dev.zendo.identity.jwks;

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

/** Publishes the public keys access tokens are verified with: the current signing key and the previous one. */
@Controller("/.well-known/jwks.json")
@Tag(name = "keys")
class JwksController {

    private final SigningKeys keys;

    JwksController(SigningKeys keys) {
        this.keys = keys;
    }

    @Get
    @Operation(summary = "The JSON Web Key Set of identity's token signing keys")
    @ApiResponse(responseCode = "200", description = "The public keys: the current signing key first, then the previous one",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object", requiredProperties = "keys",
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    description = "A JSON Web Key Set (RFC 7517): {\"keys\": [public keys]}")))
    HttpResponse<Map<String, Object>> jwks() {
        return HttpResponse.ok(keys.publicJwks()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
    }
}
