package dev.zendo.websites.canned;

import dev.zendo.auth.agent.AuthenticatedAgent;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** A website's canned responses. */
@Controller("/v1/websites/{websiteId}/canned-responses")
@Tag(name = "Canned responses")
@SecurityRequirement(name = "bearer")
class CannedResponseController {

    private final CannedResponseService responses;

    CannedResponseController(CannedResponseService responses) {
        this.responses = responses;
    }

    @Get
    @Operation(summary = "List canned responses by shortcut; prefix narrows to shortcuts starting with it (any case)")
    List<CannedResponseView> search(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                                    @Parameter(required = false, description = "what shortcuts start with, any case") @QueryValue(defaultValue = "") @Size(max = 50) String prefix,
                                    @Parameter(required = false, description = "most responses returned") @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return responses.search(agent, websiteId, prefix, limit);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a canned response")
    CannedResponseView create(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                              @Valid @Body CreateCannedResponseRequest request) {
        return responses.create(agent, websiteId, request);
    }

    @Get("/{cannedResponseId}")
    @Operation(summary = "Get a canned response")
    CannedResponseView get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID cannedResponseId) {
        return responses.get(agent, websiteId, cannedResponseId);
    }

    @Patch("/{cannedResponseId}")
    @Operation(summary = "Change a canned response's shortcut or text")
    CannedResponseView update(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID cannedResponseId,
                              @Valid @Body UpdateCannedResponseRequest request) {
        return responses.update(agent, websiteId, cannedResponseId, request);
    }

    @Delete("/{cannedResponseId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a canned response")
    void delete(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID cannedResponseId) {
        responses.delete(agent, websiteId, cannedResponseId);
    }
}
