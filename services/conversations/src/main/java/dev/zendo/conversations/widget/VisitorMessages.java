package dev.zendo.conversations.widget;

import dev.zendo.conversations.conversation.ConversationService;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.message.Author;
import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.message.History;
import dev.zendo.conversations.message.HistoryPage;
import dev.zendo.conversations.message.MessageKind;
import dev.zendo.conversations.message.MessageService;
import dev.zendo.conversations.message.OfflineForm;
import dev.zendo.conversations.message.PostMessage;
import dev.zendo.conversations.message.Posted;
import dev.zendo.conversations.message.ReadCursors;
import dev.zendo.conversations.message.ReaderKind;
import dev.zendo.conversations.replica.Site;
import dev.zendo.conversations.thread.ThreadService;
import dev.zendo.conversations.thread.ThreadView;
import dev.zendo.conversations.transcript.TranscriptRequest;
import dev.zendo.conversations.transcript.TranscriptRequestView;
import dev.zendo.conversations.transcript.TranscriptRequests;
import dev.zendo.platform.http.ApiException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * A visitor's side of its conversation: sending (rate-limited per visitor, and per website when it opens a new
 * thread), reading history without notes, marking read, rating an ended thread, leaving an offline message, asking
 * for the thread's transcript by email (rate-limited with the messages).
 */
@Singleton
class VisitorMessages {

    private final ConversationService conversations;
    private final MessageService messages;
    private final History history;
    private final ReadCursors cursors;
    private final ThreadService threads;
    private final VisitorDetails details;
    private final WidgetLimits limits;
    private final TranscriptRequests transcripts;

    VisitorMessages(ConversationService conversations, MessageService messages, History history, ReadCursors cursors,
                    ThreadService threads, VisitorDetails details, WidgetLimits limits, TranscriptRequests transcripts) {
        this.conversations = conversations;
        this.messages = messages;
        this.history = history;
        this.cursors = cursors;
        this.threads = threads;
        this.details = details;
        this.limits = limits;
        this.transcripts = transcripts;
    }

    /** Posts the visitor's message into its conversation (opened on first need); created=false for a known client_msg_id. */
    @Transactional
    public Posted send(UUID websiteId, VisitorRow visitor, String clientMsgId, String body) {
        return send(websiteId, visitor, clientMsgId, body, null);
    }

    private Posted send(UUID websiteId, VisitorRow visitor, String clientMsgId, String body, OfflineForm offlineForm) {
        limits.message(visitor.id());
        LockedConversation conversation = conversations.lockOrOpen(websiteId, visitor.id());
        if (!conversation.hasOpenThread()) {
            limits.newConversation(websiteId);
        }
        return messages.post(conversation, new PostMessage(websiteId, conversation.id(),
                new Author(AuthorKind.VISITOR, visitor.id().toString(), visitor.displayName()), MessageKind.TEXT, clientMsgId, body,
                offlineForm));
    }

    /** Stores the email (as a claim) and name the visitor left, and its message; the thread waits for an agent. */
    @Transactional
    public Posted leave(UUID websiteId, VisitorRow visitor, OfflineMessageRequest request) {
        VisitorRow changed = details.change(visitor, request.name(), request.email(), null, null, "attributes");
        return send(websiteId, changed, request.clientMsgId(), request.body(), new OfflineForm(changed.name(), request.email()));
    }

    /** A page of the visitor's conversation, never notes; empty before its first message. */
    @Transactional(readOnly = true)
    public HistoryPage page(UUID websiteId, VisitorRow visitor, Long before, Long after, Integer limit) {
        UUID conversationId = conversations.ofVisitor(websiteId, visitor.id()).map(ConversationView::id).orElse(null);
        return history.page(conversationId, before, after, limit, false);
    }

    /** Moves the visitor's read cursor; 404 before its first message. */
    @Transactional
    public ReadView read(UUID websiteId, VisitorRow visitor, long seq) {
        ConversationView conversation = conversations.ofVisitor(websiteId, visitor.id()).orElseThrow(() -> ApiException.notFound("Conversation"));
        return read(conversation, visitor, seq);
    }

    /** Moves the visitor's read cursor in {@code conversationId}; 404 unless that is the visitor's conversation. */
    @Transactional
    public ReadView read(UUID websiteId, VisitorRow visitor, UUID conversationId, long seq) {
        ConversationView conversation = conversations.ofVisitor(websiteId, visitor.id())
                .filter(own -> own.id().equals(conversationId))
                .orElseThrow(() -> ApiException.notFound("Conversation"));
        return read(conversation, visitor, seq);
    }

    private ReadView read(ConversationView conversation, VisitorRow visitor, long seq) {
        String reader = visitor.id().toString();
        long at = cursors.markRead(conversation.id(), ReaderKind.VISITOR, reader, seq).seq();
        return new ReadView(at, cursors.unread(conversation.id(), ReaderKind.VISITOR, reader));
    }

    /** Rates one of the visitor's ended threads; 404 for a thread that is not in its conversation. */
    @Transactional
    public RatingView rate(UUID websiteId, VisitorRow visitor, RatingRequest request) {
        ConversationView conversation = conversations.ofVisitor(websiteId, visitor.id()).orElseThrow(() -> ApiException.notFound("Thread"));
        ThreadView rated = threads.rate(conversation.id(), request.threadId(), request.rating(), request.comment());
        return new RatingView(rated.id(), rated.rating(), rated.ratingComment(), rated.ratedAt());
    }

    /** Asks for the transcript of the visitor's current thread by email; counted against the visitor's message limit. */
    public TranscriptRequestView transcript(Site site, VisitorRow visitor, TranscriptRequest request) {
        limits.message(visitor.id());
        return transcripts.request(site, visitor.id(), request);
    }
}
