package dev.zendo.websites.groups;

import dev.zendo.auth.agent.AuthenticatedAgent;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** A website's groups (departments) and their members. */
@Controller("/v1/websites/{websiteId}/groups")
@Tag(name = "Groups")
@SecurityRequirement(name = "bearer")
class GroupController {

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    @Get
    @Operation(summary = "List the website's groups")
    List<GroupView> list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        return groups.list(agent, websiteId);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create a group")
    GroupView create(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, @Valid @Body CreateGroupRequest request) {
        return groups.create(agent, websiteId, request);
    }

    @Get("/{groupId}")
    @Operation(summary = "Get a group")
    GroupView get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID groupId) {
        return groups.get(agent, websiteId, groupId);
    }

    @Patch("/{groupId}")
    @Operation(summary = "Rename a group, change its routing, or make it the default")
    GroupView update(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID groupId,
                     @Valid @Body UpdateGroupRequest request) {
        return groups.update(agent, websiteId, groupId, request);
    }

    @Delete("/{groupId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a group other than the default one")
    void delete(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID groupId) {
        groups.delete(agent, websiteId, groupId);
    }

    @Put("/{groupId}/members/{agentId}")
    @Operation(summary = "Put a member of the website into the group")
    GroupView addMember(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID groupId, String agentId) {
        return groups.addMember(agent, websiteId, groupId, agentId);
    }

    @Delete("/{groupId}/members/{agentId}")
    @Operation(summary = "Take a member out of the group")
    GroupView removeMember(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID groupId, String agentId) {
        return groups.removeMember(agent, websiteId, groupId, agentId);
    }
}
