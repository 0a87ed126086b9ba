package dev.zendo.conversations.tag;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.AgentMembership;
import dev.zendo.conversations.access.ConversationAccess;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.platform.http.ApiError;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** A website's tag definitions: every member reads them, owners, admins and supervisors change them. */
@Controller("/v1/inbox/{websiteId}/tags")
@Tag(name = "Tags")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "429", description = "too_many_requests: you made too many inbox requests; try again after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "400", description = "invalid_request: a parameter or field is missing or invalid",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "401", description = "unauthorized: no valid agent access token",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "404", description = "not_found: no such website among yours, or no such tag in it",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class TagController {

    private final TagService tags;
    private final ConversationAccess access;

    TagController(TagService tags, ConversationAccess access) {
        this.tags = tags;
        this.access = access;
    }

    @Get
    @Operation(operationId = "listTags", summary = "List the website's tags by name; deleted ones after them when include_deleted is true")
    @ApiResponse(responseCode = "200", description = "The tags")
    List<TagView> list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                       @Parameter(required = false, description = "also list deleted tags (restorable)")
                       @QueryValue(value = "include_deleted", defaultValue = "false") boolean includeDeleted) {
        access.require(agent, websiteId, ConversationPermission.VIEW_OWN_AND_QUEUE);
        return tags.list(websiteId, includeDeleted);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "createTag", summary = "Define a tag")
    @ApiResponse(responseCode = "201", description = "The new tag")
    @ApiResponse(responseCode = "403", description = "forbidden: your role may not manage tags",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "tag_name_taken: a live tag has the name (any case); tag_limit: the website has 500 live tags",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TagView create(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, @Valid @Body CreateTagRequest request) {
        AgentMembership member = access.require(agent, websiteId, ConversationPermission.MANAGE_TAG_DEFINITIONS);
        return tags.create(websiteId, member.agentId(), request);
    }

    @Patch("/{tagId}")
    @Operation(operationId = "updateTag", summary = "Rename or recolour a live tag")
    @ApiResponse(responseCode = "200", description = "The tag as it is now")
    @ApiResponse(responseCode = "403", description = "forbidden: your role may not manage tags",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "tag_name_taken: another live tag has the name (any case)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TagView update(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID tagId,
                   @Valid @Body UpdateTagRequest request) {
        AgentMembership member = access.require(agent, websiteId, ConversationPermission.MANAGE_TAG_DEFINITIONS);
        return tags.update(websiteId, member.agentId(), tagId, request);
    }

    @Delete("/{tagId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteTag", summary = "Delete a live tag (soft: it can be restored)")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "forbidden: your role may not manage tags",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    void delete(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID tagId) {
        AgentMembership member = access.require(agent, websiteId, ConversationPermission.MANAGE_TAG_DEFINITIONS);
        tags.delete(websiteId, member.agentId(), tagId);
    }

    @Post("/{tagId}/restore")
    @Operation(operationId = "restoreTag", summary = "Restore a deleted tag; a live one is answered unchanged")
    @ApiResponse(responseCode = "200", description = "The tag, live again")
    @ApiResponse(responseCode = "403", description = "forbidden: your role may not manage tags",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "tag_name_taken: a live tag has taken its name (any case); tag_limit: the website has 500 live tags",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    TagView restore(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID tagId) {
        AgentMembership member = access.require(agent, websiteId, ConversationPermission.MANAGE_TAG_DEFINITIONS);
        return tags.restore(websiteId, member.agentId(), tagId);
    }
}
