package dev.zendo.conversations.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.platform.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

/** What agents do to a conversation: assign or transfer it, resolve, close or reopen its thread, tag it. */
@Controller("/v1/inbox/{websiteId}/conversations/{conversationId}")
@Tag(name = "Inbox")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "429", description = "too_many_requests: you made too many inbox requests; try again after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class ConversationActionsController {

    private final ConversationActions actions;
    private final ConversationTagging tagging;

    ConversationActionsController(ConversationActions actions, ConversationTagging tagging) {
        this.actions = actions;
        this.tagging = tagging;
    }

    @Post("/assign")
    @Operation(summary = "Take the conversation, assign or transfer it to an agent, or send it to a group's queue",
            description = "Give exactly one of agent_id and group_id. Taking it yourself needs ASSIGN_SELF and respects your "
                    + "capacity (agents take waiting conversations only); anything else needs ASSIGN_OTHERS.")
    @ApiResponse(responseCode = "200", description = "The conversation after the change")
    @ApiResponse(responseCode = "400", description = "invalid_request: not exactly one of agent_id and group_id",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: the role may not assign this way",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found (website or conversation), agent_not_found or group_not_found",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "no_thread, thread_closed, agent_at_capacity or agent_cannot_take_chats (a viewer)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    ConversationDetails assign(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId,
                               @Valid @Body AssignRequest request) {
        return actions.assign(agent, websiteId, conversationId, request);
    }

    @Post("/resolve")
    @Operation(summary = "Resolve the conversation's thread", description = "Agents (the role) only conversations assigned to them.")
    @EndingResponses
    ConversationDetails resolve(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId,
                                @Valid @Body @Nullable CloseRequest request) {
        return actions.close(agent, websiteId, conversationId, true, request);
    }

    @Post("/close")
    @Operation(summary = "Close the conversation's thread", description = "Agents (the role) only conversations assigned to them.")
    @EndingResponses
    ConversationDetails close(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId,
                              @Valid @Body @Nullable CloseRequest request) {
        return actions.close(agent, websiteId, conversationId, false, request);
    }

    @Post("/reopen")
    @Operation(summary = "Reopen the conversation's ended thread, with the caller as its agent",
            description = "Agents (the role) only conversations last assigned to them.")
    @ApiResponse(responseCode = "200", description = "The conversation after the change")
    @ApiResponse(responseCode = "403", description = "forbidden: the role may not, or the conversation is not the agent's",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website or conversation, or the caller is not a member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "thread_open or no_thread", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ConversationDetails reopen(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId) {
        return actions.reopen(agent, websiteId, conversationId);
    }

    @Put("/tags")
    @Operation(summary = "Set the conversation's tags", description = "The whole set: tags left out are taken off.")
    @ApiResponse(responseCode = "200", description = "The conversation with its tags")
    @ApiResponse(responseCode = "400", description = "invalid_request: tag_ids is missing, holds more than 20 tags or a null",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: the role may not tag, or an agent outside the queue and their own",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found (website or conversation) or tag_not_found (unknown, deleted or another website's tag)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    ConversationDetails tags(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId,
                             @Valid @Body SetTagsRequest request) {
        return tagging.set(agent, websiteId, conversationId, request.tagIds());
    }
}
