package dev.zendo.conversations.widget;

import dev.zendo.conversations.message.HistoryPage;
import dev.zendo.conversations.message.MessageView;
import dev.zendo.conversations.message.Posted;
import dev.zendo.conversations.transcript.TranscriptRequest;
import dev.zendo.conversations.transcript.TranscriptRequestView;
import dev.zendo.conversations.visitor.AuthenticatedVisitor;
import dev.zendo.platform.http.ApiError;
import dev.zendo.platform.http.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
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

/**
 * What a widget does once it has a visitor token: messages, read cursor, rating, offline messages, transcript requests,
 * the visitor's details and page views. Every call acts on the token's own visitor and website only.
 */
@Controller("/v1/widget")
@Tag(name = "Widget")
@SecurityScheme(name = "visitor", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A visitor token from POST /v1/widget/session")
@SecurityRequirement(name = "visitor")
@ApiResponse(responseCode = "401", description = "No valid visitor token, or its website or visitor is gone", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
@ApiResponse(responseCode = "403", description = "The page's origin is not one of the website's allowed origins", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
class WidgetController {

    private final WidgetCallers callers;
    private final VisitorMessages messages;
    private final VisitorDetails details;
    private final VisitorStore visitors;
    private final ConversationAgents agents;

    WidgetController(WidgetCallers callers, VisitorMessages messages, VisitorDetails details, VisitorStore visitors,
                     ConversationAgents agents) {
        this.callers = callers;
        this.messages = messages;
        this.details = details;
        this.visitors = visitors;
        this.agents = agents;
    }

    @Post("/messages")
    @Operation(summary = "Send a message; the same client_msg_id again returns the stored message (200) instead of a new one (201)",
            description = "A message after the conversation's thread ended opens a new thread, which waits in the queue for an agent.")
    @ApiResponse(responseCode = "201", description = "The new message", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "200", description = "The message stored earlier with this client_msg_id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "The client_msg_id was used for a different message", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many messages from this visitor, or new conversations on this website (see Retry-After)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    HttpResponse<MessageView> send(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                                   @Valid @Body SendMessageRequest body) {
        Caller caller = callers.require(request, token);
        return answer(messages.send(caller.site().id(), caller.visitor(), body.clientMsgId(), body.body()));
    }

    @Get("/messages{?before,after,limit}")
    @Operation(summary = "Read the conversation's messages by seq, oldest first: the latest, those before a seq, or those after one")
    @ApiResponse(responseCode = "200", description = "A page of messages", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoryPage.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    HistoryPage history(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                        @Parameter(description = "only messages with a smaller seq (at least 1)") @Nullable @QueryValue Long before,
                        @Parameter(description = "only messages with a greater seq, read forward (at least 0)") @Nullable @QueryValue Long after,
                        @Parameter(description = "page size, 1 to 200 (default 50)") @Nullable @QueryValue Integer limit) {
        Caller caller = callers.require(request, token);
        return messages.page(caller.site().id(), caller.visitor(), before, after, limit);
    }

    @Get("/agents/{agentId}")
    @Operation(summary = "An agent of the website by id (a message's author.id): the name and avatar the widget shows")
    @ApiResponse(responseCode = "200", description = "The agent", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgentView.class)))
    @ApiResponse(responseCode = "404", description = "No such agent among the website's members", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    AgentView agent(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                    String agentId) {
        Caller caller = callers.require(request, token);
        return agents.member(caller.site().id(), agentId).orElseThrow(() -> ApiException.notFound("Agent"));
    }

    @Post("/read")
    @Operation(summary = "Mark the conversation read up to a seq; the cursor never moves back")
    @ApiResponse(responseCode = "200", description = "The read cursor", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReadView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input, or a seq beyond the latest message", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "The visitor has no conversation yet", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    ReadView read(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                  @Valid @Body ReadRequest body) {
        Caller caller = callers.require(request, token);
        return messages.read(caller.site().id(), caller.visitor(), body.seq());
    }

    @Post("/rating")
    @Operation(summary = "Rate a resolved or closed thread of the conversation, 1 to 5 with an optional comment (once)")
    @ApiResponse(responseCode = "200", description = "The rating", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RatingView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "No such thread in the visitor's conversation", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "The thread is still open, or was rated differently already", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    RatingView rate(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                    @Valid @Body RatingRequest body) {
        Caller caller = callers.require(request, token);
        return messages.rate(caller.site().id(), caller.visitor(), body);
    }

    @Post("/offline-messages")
    @Operation(summary = "Leave a message with an email to answer to, when no agent is online",
            description = "The email is stored as an unverified claim; the message opens a thread that waits for an agent.")
    @ApiResponse(responseCode = "201", description = "The new message", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "200", description = "The message stored earlier with this client_msg_id", content = @Content(mediaType = "application/json", schema = @Schema(implementation = MessageView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "The client_msg_id was used for a different message", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many messages from this visitor, or new conversations on this website (see Retry-After)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    HttpResponse<MessageView> leave(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                                    @Valid @Body OfflineMessageRequest body) {
        Caller caller = callers.require(request, token);
        return answer(messages.leave(caller.site().id(), caller.visitor(), body));
    }

    @Post("/transcript-request")
    @Operation(summary = "Ask for the transcript of the conversation's current thread by email",
            description = "While the thread goes on, the transcript is mailed when it ends (status pending); for a thread that ended "
                    + "within the last 24 hours it is sent at once (status sent). A thread's transcript is sent once: asking again "
                    + "before that replaces the address and language, asking after it changes nothing. The language is the "
                    + "widget's (en, de or es), the website's widget language when absent.")
    @ApiResponse(responseCode = "200", description = "The thread's transcript request", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TranscriptRequestView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "404", description = "The visitor has no conversation yet", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "409", description = "The thread ended too long ago (transcript_unavailable)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "429", description = "Too many messages and requests from this visitor (see Retry-After)", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    TranscriptRequestView transcript(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                                     @Valid @Body TranscriptRequest body) {
        Caller caller = callers.require(request, token);
        return messages.transcript(caller.site(), caller.visitor(), body);
    }

    @Patch("/visitor")
    @Operation(summary = "Change the visitor's name, email (an unverified claim), phone or custom attributes; fields left out keep their value")
    @ApiResponse(responseCode = "200", description = "The visitor", content = @Content(mediaType = "application/json", schema = @Schema(implementation = VisitorView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    VisitorView update(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                       @Valid @Body VisitorPatchRequest body) {
        Caller caller = callers.require(request, token);
        return VisitorView.of(details.change(caller.visitor(), body.name(), body.email(), body.phone(), body.attributes(), "attributes"));
    }

    @Post("/page-views")
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Record that the visitor went to another page")
    @ApiResponse(responseCode = "201", description = "The page view", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PageView.class)))
    @ApiResponse(responseCode = "400", description = "Bad input", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    PageView pageView(@Parameter(hidden = true) AuthenticatedVisitor token, @Parameter(hidden = true) HttpRequest<?> request,
                      @Valid @Body PageViewRequest body) {
        Caller caller = callers.require(request, token);
        return new PageView(body.url(), body.title(), body.referrer(),
                visitors.pageView(caller.visitor(), body.url(), body.title(), body.referrer()));
    }

    private static HttpResponse<MessageView> answer(Posted posted) {
        return posted.created() ? HttpResponse.created(posted.message()) : HttpResponse.ok(posted.message());
    }
}
