package dev.zendo.conversations.server;

import dev.zendo.conversations.message.History;
import dev.zendo.conversations.message.HistoryPage;
import dev.zendo.conversations.message.MessageView;
import dev.zendo.conversations.message.Posted;
import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.conversations.thread.ThreadView;
import dev.zendo.platform.http.ApiError;
import dev.zendo.platform.http.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.Locale;
import java.util.UUID;

/** The server API over a website's conversations, for the website's own backend with its secret key. */
@Controller("/v1/server/conversations")
@Tag(name = "Server API")
@SecurityScheme(name = ServerConversationController.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "sk_…",
        description = "The website's secret key (sk_…), from websites; never use it in a browser")
@SecurityRequirement(name = ServerConversationController.SCHEME)
@ApiResponse(responseCode = "401", description = "No working secret key", content = @Content(schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "429", description = "Too many calls with this key; see Retry-After",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
class ServerConversationController {

    static final String SCHEME = "server_key";

    private final ServerConversations conversations;

    ServerConversationController(ServerConversations conversations) {
        this.conversations = conversations;
    }

    @Get
    @Operation(summary = "List the website's conversations, latest message first",
            description = "Only conversations that have had a thread. Pass next_cursor back as cursor for the next page.")
    @ApiResponse(responseCode = "200", description = "A page of conversations")
    @ApiResponse(responseCode = "400", description = "A bad status, cursor or limit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    ConversationPage list(@Parameter(hidden = true) AuthenticatedServerKey key,
                          @Parameter(required = false, description = "only conversations whose current thread has this status",
                                  schema = @Schema(allowableValues = {"pending", "active", "resolved", "closed"}))
                          @Nullable @QueryValue String status,
                          @Parameter(required = false, description = "the next_cursor of the previous page")
                          @Nullable @QueryValue @Size(max = 200) String cursor,
                          @Parameter(required = false, description = "conversations per page")
                          @QueryValue(defaultValue = "50") @Min(1) @Max(ServerConversations.MAX_LIMIT) int limit) {
        return conversations.list(key, status(status), cursor, limit);
    }

    @Get("/{conversationId}")
    @Operation(summary = "Get a conversation and its threads")
    @ApiResponse(responseCode = "200", description = "The conversation")
    @ApiResponse(responseCode = "404", description = "No such conversation in the key's website",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    ConversationDetail get(@Parameter(hidden = true) AuthenticatedServerKey key, UUID conversationId) {
        return conversations.get(key, conversationId);
    }

    @Get("/{conversationId}/messages")
    @Operation(summary = "Read a conversation's messages by seq, notes included",
            description = "Back from the latest (or from before `before`), or forward from `after`; oldest first in the page.")
    @ApiResponse(responseCode = "200", description = "A page of messages")
    @ApiResponse(responseCode = "400", description = "A bad before, after or limit", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation in the key's website",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HistoryPage messages(@Parameter(hidden = true) AuthenticatedServerKey key, UUID conversationId,
                         @Parameter(required = false, description = "only messages with a smaller seq") @Nullable @QueryValue @Min(1) Long before,
                         @Parameter(required = false, description = "only messages with a greater seq, read forward") @Nullable @QueryValue @Min(0) Long after,
                         @Parameter(required = false, description = "messages per page") @Nullable @QueryValue @Min(1) @Max(History.MAX_LIMIT) Integer limit) {
        return conversations.messages(key, conversationId, before, after, limit);
    }

    @Post("/{conversationId}/messages")
    @Operation(summary = "Post a message as a named bot or as an agent of the website",
            description = "201 with the new message; 200 with the stored one when its client_msg_id was already used for the same message.")
    @ApiResponse(responseCode = "201", description = "The message was stored", content = @Content(schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "200", description = "The message was already stored under this client_msg_id",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "400", description = "A bad body", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "403", description = "The agent's role may not reply (or write notes)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation in the key's website, or the agent is not a live member",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "thread_closed (text while no thread is open), no_thread (a note before the first "
            + "thread), client_msg_id_conflict (the id was used for a different message)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    HttpResponse<MessageView> post(@Parameter(hidden = true) AuthenticatedServerKey key, UUID conversationId,
                                   @Valid @Body PostServerMessageRequest request) {
        Posted posted = conversations.post(key, conversationId, request);
        return HttpResponse.<MessageView>status(posted.created() ? HttpStatus.CREATED : HttpStatus.OK).body(posted.message());
    }

    @Post("/{conversationId}/close")
    @Operation(summary = "Close (or resolve) a conversation's current thread")
    @ApiResponse(responseCode = "200", description = "The closed thread")
    @ApiResponse(responseCode = "400", description = "A bad body", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation in the key's website",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "thread_closed (already closed), no_thread (it never had one)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    ThreadView close(@Parameter(hidden = true) AuthenticatedServerKey key, UUID conversationId,
                     @Nullable @Valid @Body CloseThreadRequest request) {
        return conversations.close(key, conversationId, request);
    }

    private static ThreadStatus status(String status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case "pending", "active", "resolved", "closed" -> ThreadStatus.valueOf(status.toUpperCase(Locale.ROOT));
            default -> throw ApiException.invalid("status: must be pending, active, resolved or closed");
        };
    }
}
