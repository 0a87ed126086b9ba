package dev.zendo.conversations.message;

import dev.zendo.conversations.conversation.ConversationLock;
import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.thread.ThreadOpening;
import dev.zendo.events.v1.Actor;
import dev.zendo.platform.http.ApiException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes messages. Each post is one transaction under the conversation's row lock: the seq is the conversation's
 * {@code last_seq + 1} (strictly increasing, no gaps), a known {@code client_msg_id} returns the stored message, and
 * the {@code MessageCreated} event is written to the outbox with it (notes to agents only).
 */
@Singleton
public class MessageService {

    /** Longest client_msg_id, in characters. */
    public static final int MAX_CLIENT_MSG_ID = 128;

    private final ConversationLock lock;
    private final MessageStore store;
    private final MessageEvents events;
    private final ThreadOpening threads;
    private final Clock clock;

    MessageService(ConversationLock lock, MessageStore store, MessageEvents events, ThreadOpening threads, Clock clock) {
        this.lock = lock;
        this.store = store;
        this.events = events;
        this.threads = threads;
        this.clock = clock;
    }

    /**
     * Stores a visitor's, agent's or bot's message.
     * <ul>
     *   <li>404 when the conversation is not the website's, or a visitor writes into another visitor's conversation;</li>
     *   <li>400 naming {@code body} or {@code client_msg_id} when they are unacceptable;</li>
     *   <li>a known {@code client_msg_id} with the same author, kind and body returns the stored message
     *       ({@code created=false}); with anything else, 409 {@code client_msg_id_conflict};</li>
     *   <li>a visitor's message when no thread is going on opens a new PENDING thread;</li>
     *   <li>an agent's or bot's text when no thread is going on is 409 {@code thread_closed} (reopen first); notes are
     *       accepted in the latest thread, open or not, and 409 {@code no_thread} before the first thread.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for a system author or kind (use {@link #system}), or a visitor's note
     */
    @Transactional
    public Posted post(PostMessage command) {
        PostMessage checked = checked(command);
        return store(lock.require(command.websiteId(), command.conversationId()), checked);
    }

    /**
     * Stores a message, as {@link #post(PostMessage)} does, in {@code conversation}: the command's, which the caller's
     * transaction has already locked.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public Posted post(LockedConversation conversation, PostMessage command) {
        if (!conversation.id().equals(command.conversationId()) || !conversation.websiteId().equals(command.websiteId())) {
            throw new IllegalArgumentException("the locked conversation is not the command's");
        }
        return store(conversation, checked(command));
    }

    private static PostMessage checked(PostMessage command) {
        Author author = command.author();
        if (author.kind() == AuthorKind.SYSTEM || command.kind() == MessageKind.SYSTEM) {
            throw new IllegalArgumentException("system messages are written with MessageService.system");
        }
        if (author.kind() == AuthorKind.VISITOR && command.kind() != MessageKind.TEXT) {
            throw new IllegalArgumentException("a visitor writes text messages only");
        }
        return new PostMessage(command.websiteId(), command.conversationId(), author, command.kind(),
                clientMsgId(command.clientMsgId()), MessageText.require(command.body(), "body", MessageText.MAX_BODY),
                command.offlineForm());
    }

    private Posted store(LockedConversation conversation, PostMessage command) {
        Author author = command.author();
        String clientMsgId = command.clientMsgId();
        String body = command.body();
        if (author.kind() == AuthorKind.VISITOR && !conversation.visitorId().toString().equals(author.id())) {
            throw ApiException.notFound("Conversation");
        }
        Instant now = clock.instant();
        UUID threadId = conversation.currentThreadId();
        if (!conversation.hasOpenThread()) {
            Optional<MessageView> earlier = clientMsgId == null ? Optional.empty() : store.byClientId(conversation.id(), clientMsgId);
            if (earlier.isPresent()) {
                return new Posted(same(earlier.get(), author, command.kind(), body), false);
            }
            threadId = threadFor(conversation, author, command.kind(), body, now);
        }
        Optional<MessageView> stored = store.insert(conversation.id(), threadId, author, command.kind(), clientMsgId, body, now);
        if (stored.isEmpty()) {
            MessageView earlier = store.byClientId(conversation.id(), clientMsgId).orElseThrow();
            return new Posted(same(earlier, author, command.kind(), body), false);
        }
        events.created(conversation, stored.get(), author.toActor(), command.offlineForm());
        return new Posted(stored.get(), true);
    }

    /**
     * Stores a system line ("Ana joined", "Closed by Ana", "Rated 5") in the conversation's current thread, in the
     * caller's transaction, and announces it to the visitor and agents with {@code cause} as the event's actor.
     * 409 {@code no_thread} before the conversation's first thread.
     */
    @Transactional
    public MessageView system(UUID websiteId, UUID conversationId, String body, Actor cause) {
        String text = MessageText.require(body, "body", MessageText.MAX_BODY);
        LockedConversation conversation = lock.require(websiteId, conversationId);
        if (conversation.currentThreadId() == null) {
            throw noThread();
        }
        MessageView message = store.insert(conversation.id(), conversation.currentThreadId(), Author.SYSTEM,
                MessageKind.SYSTEM, null, text, clock.instant()).orElseThrow();
        events.created(conversation, message, cause, null);
        return message;
    }

    private UUID threadFor(LockedConversation conversation, Author author, MessageKind kind, String body, Instant now) {
        if (author.kind() == AuthorKind.VISITOR) {
            return threads.open(conversation, author.toActor(), MessageStore.preview(body), now);
        }
        if (conversation.currentThreadId() == null) {
            throw noThread();
        }
        if (kind == MessageKind.TEXT) {
            throw ApiException.conflict("thread_closed", "The conversation's thread is closed: reopen it first.");
        }
        return conversation.currentThreadId();
    }

    private static MessageView same(MessageView earlier, Author author, MessageKind kind, String body) {
        boolean same = earlier.author().kind() == author.kind() && Objects.equals(earlier.author().id(), author.id())
                && earlier.kind() == kind && earlier.body().equals(body);
        if (!same) {
            throw ApiException.conflict("client_msg_id_conflict",
                    "This client_msg_id was already used for a different message in this conversation.");
        }
        return earlier;
    }

    private static String clientMsgId(String clientMsgId) {
        if (clientMsgId == null) {
            return null;
        }
        if (clientMsgId.isBlank() || clientMsgId.length() > MAX_CLIENT_MSG_ID || !clientMsgId.equals(MessageText.clean(clientMsgId))) {
            throw ApiException.invalid("client_msg_id", "must be 1 to " + MAX_CLIENT_MSG_ID + " characters without control characters");
        }
        return clientMsgId;
    }

    private static ApiException noThread() {
        return ApiException.conflict("no_thread", "The conversation has no thread yet.");
    }
}
