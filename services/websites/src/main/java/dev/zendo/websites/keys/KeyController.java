package dev.zendo.websites.keys;

import dev.zendo.auth.agent.AuthenticatedAgent;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** A website's public widget keys and secret server keys. */
@Controller("/v1/websites/{websiteId}/keys")
@Tag(name = "Keys")
@SecurityRequirement(name = "bearer")
class KeyController {

    private final KeyService keys;

    KeyController(KeyService keys) {
        this.keys = keys;
    }

    @Get
    @Operation(summary = "List the website's keys, current and previous (secrets are never shown again)")
    List<KeyView> list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        return keys.list(agent, websiteId);
    }

    @Post("/rotate")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Issue a new current key; the previous one keeps working for the overlap window")
    KeyView rotate(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, @Valid @Body RotateKeyRequest request) {
        return keys.rotate(agent, websiteId, request.kind());
    }

    @Post("/{keyId}/revoke")
    @Operation(summary = "Stop a previous key from working at once")
    KeyView revoke(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID keyId) {
        return keys.revoke(agent, websiteId, keyId);
    }
}
