package dev.zendo.websites.members;

import dev.zendo.auth.agent.AuthenticatedAgent;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

/** A website's members, their roles and chat settings. */
@Controller("/v1/websites/{websiteId}/members")
@Tag(name = "Members")
@SecurityRequirement(name = "bearer")
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @Get
    @Operation(summary = "List the website's members")
    List<MemberView> list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId) {
        return members.list(agent, websiteId);
    }

    @Patch("/{agentId}")
    @Operation(summary = "Change a member's role or chat settings; members may switch their own accepting_chats")
    MemberView update(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, String agentId,
                      @Valid @Body UpdateMemberRequest request) {
        return members.update(agent, websiteId, agentId, request);
    }

    @Delete("/{agentId}")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a member, or leave the website (your own agent id); the last owner stays")
    void remove(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, String agentId) {
        members.remove(agent, websiteId, agentId);
    }
}
