package dev.zendo.conversations.agent;

import dev.zendo.auth.agent.AuthenticatedAgent;
import dev.zendo.conversations.access.ConversationAccess;
import dev.zendo.conversations.access.ConversationPermission;
import dev.zendo.conversations.message.HistoryPage;
import dev.zendo.conversations.message.MessageView;
import dev.zendo.conversations.message.Posted;
import dev.zendo.conversations.message.ReadCursor;
import dev.zendo.platform.http.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.UUID;

/** Agents' inbox: the lists of a website's conversations, one conversation, its messages and read cursor. */
@Controller("/v1/inbox/{websiteId}/conversations")
@Tag(name = "Inbox")
@SecurityRequirement(name = "bearer")
@ApiResponse(responseCode = "429", description = "too_many_requests: you made too many inbox requests; try again after Retry-After seconds",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class InboxController {

    private final ConversationAccess access;
    private final Inbox inbox;
    private final AgentConversations conversations;
    private final AgentMessages messages;

    InboxController(ConversationAccess access, Inbox inbox, AgentConversations conversations, AgentMessages messages) {
        this.access = access;
        this.inbox = inbox;
        this.conversations = conversations;
        this.messages = messages;
    }

    @Get
    @Operation(summary = "List conversations: mine, the queue, all open, or closed",
            description = "Newest activity first, keyset-paginated: pass next_cursor back as cursor. Agents (the role) see "
                    + "the queue and their own conversations only, in every view and filter.")
    @ApiResponse(responseCode = "200", description = "One page of the list")
    @ApiResponse(responseCode = "400", description = "invalid_request: view, limit, cursor or a filter is not acceptable",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website, or the caller is not a member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    InboxPage list(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                   @Parameter(description = "mine, queue, open (the default) or closed") @Nullable @QueryValue String view,
                   @Parameter(description = "only conversations routed in this group") @Nullable @QueryValue("group_id") UUID groupId,
                   @Parameter(description = "only conversations with this tag") @Nullable @QueryValue("tag_id") UUID tagId,
                   @Parameter(description = "only conversations of this agent") @Nullable @QueryValue("agent_id") String agentId,
                   @Parameter(description = "the next_cursor of the previous page") @Nullable @QueryValue String cursor,
                   @Parameter(description = "items per page, 1 to 100, default 25") @Nullable @QueryValue Integer limit) {
        var member = access.require(agent, websiteId, ConversationPermission.VIEW_OWN_AND_QUEUE);
        return inbox.list(Inbox.filter(member, view, groupId, tagId, agentId, cursor, limit));
    }

    @Get("/counts")
    @Operation(summary = "Count the conversations of each list",
            description = "Closed conversations are counted up to 1,000 (closed_capped tells there are more).")
    @ApiResponse(responseCode = "200", description = "The counts")
    @ApiResponse(responseCode = "400", description = "invalid_request: a filter is not acceptable",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website, or the caller is not a member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    InboxCounts counts(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId,
                       @Parameter(description = "only conversations routed in this group") @Nullable @QueryValue("group_id") UUID groupId,
                       @Parameter(description = "only conversations with this tag") @Nullable @QueryValue("tag_id") UUID tagId,
                       @Parameter(description = "only conversations of this agent") @Nullable @QueryValue("agent_id") String agentId) {
        var member = access.require(agent, websiteId, ConversationPermission.VIEW_OWN_AND_QUEUE);
        return inbox.counts(Inbox.filter(member, null, groupId, tagId, agentId, null, null));
    }

    @Get("/{conversationId}")
    @Operation(summary = "Open a conversation: its current thread, visitor, tags and the caller's unread count")
    @ApiResponse(responseCode = "200", description = "The conversation")
    @ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: an agent asking for a conversation outside the queue and their own",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website or conversation, or the caller is not a member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    ConversationDetails get(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId) {
        var found = conversations.require(agent, websiteId, conversationId, ConversationPermission.VIEW_OWN_AND_QUEUE);
        return conversations.details(found.member(), found.conversation().id());
    }

    @Get("/{conversationId}/messages")
    @Operation(summary = "Read a conversation's messages, notes included, by seq",
            description = "Without after, the latest page (or the page before `before`); with after, forward from it.")
    @ApiResponse(responseCode = "200", description = "A page of messages, oldest first")
    @ApiResponse(responseCode = "400", description = "invalid_request: before, after or limit out of range",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: an agent asking for a conversation outside the queue and their own",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website or conversation, or the caller is not a member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HistoryPage history(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId,
                        @Parameter(description = "only messages with a smaller seq (at least 1)") @Nullable @QueryValue Long before,
                        @Parameter(description = "only messages with a greater seq, read forward (at least 0)") @Nullable @QueryValue Long after,
                        @Parameter(description = "messages per page, 1 to 200, default 50") @Nullable @QueryValue Integer limit) {
        return messages.page(agent, websiteId, conversationId, before, after, limit);
    }

    @Post("/{conversationId}/messages")
    @Operation(summary = "Reply to the visitor, or write an internal note",
            description = "Idempotent by client_msg_id: a retry returns the stored message with 200.")
    @ApiResponse(responseCode = "201", description = "The message was stored", content = @Content(schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "200", description = "The client_msg_id was already stored: the earlier message",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "400", description = "invalid_request: body, kind or client_msg_id is not acceptable",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: the role may not write, or an agent outside the queue and their own",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website or conversation, or the caller is not a member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "thread_closed (reopen first), no_thread, or client_msg_id_conflict",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<MessageView> post(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId,
                                   @Valid @Body PostMessageRequest request) {
        Posted posted = messages.post(agent, websiteId, conversationId, request);
        return posted.created() ? HttpResponse.created(posted.message()) : HttpResponse.ok(posted.message());
    }

    @Post("/{conversationId}/read")
    @Operation(summary = "Mark the conversation read up to a seq", description = "A cursor never moves backwards.")
    @ApiResponse(responseCode = "200", description = "Where the caller's cursor is now")
    @ApiResponse(responseCode = "400", description = "invalid_request: seq is missing, negative or beyond the latest message",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "401", description = "No valid access token", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "forbidden: an agent outside the queue and their own",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "not_found: no such website or conversation, or the caller is not a member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    ReadCursor read(@Parameter(hidden = true) AuthenticatedAgent agent, UUID websiteId, UUID conversationId,
                    @Valid @Body ReadRequest request) {
        return messages.read(agent, websiteId, conversationId, request.seq());
    }
}
