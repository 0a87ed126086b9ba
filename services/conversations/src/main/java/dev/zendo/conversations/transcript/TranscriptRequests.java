package dev.zendo.conversations.transcript;

import dev.zendo.conversations.conversation.ConversationLock;
import dev.zendo.conversations.conversation.ConversationService;
import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.replica.Site;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Visitors' requests for a thread's transcript by email. A request names the visitor's current thread: while it goes
 * on, it waits and {@link #threadClosed} sends it when the thread ends; for a thread that ended less than
 * {@code after-close} ago, it is sent at once. Sending writes {@code TranscriptRequested} and marks the request sent
 * in one transaction under the conversation's lock, so a thread's transcript goes out once: a repeated request before
 * that replaces the address and language, one after it changes nothing.
 */
@Singleton
public class TranscriptRequests {

    /** The languages the widget speaks, so the languages a transcript is written in; the first is the fallback. */
    static final List<String> LANGUAGES = List.of("en", "de", "es");

    private static final String ENDED = "SELECT closed_at FROM threads WHERE id = ? AND closed_at IS NOT NULL";
    private static final String FIND = "SELECT email, language, requested_at, sent_at FROM transcript_requests WHERE thread_id = ?";
    private static final String UPSERT = """
            INSERT INTO transcript_requests (thread_id, website_id, email, language, requested_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (thread_id) DO UPDATE SET email = excluded.email, language = excluded.language,
                requested_at = excluded.requested_at WHERE transcript_requests.sent_at IS NULL""";
    private static final String SENT = "UPDATE transcript_requests SET sent_at = ? WHERE thread_id = ?";

    private final ConversationService conversations;
    private final ConversationLock lock;
    private final Sql sql;
    private final Transcripts transcripts;
    private final TranscriptSettings settings;
    private final Clock clock;

    TranscriptRequests(ConversationService conversations, ConversationLock lock, Sql sql, Transcripts transcripts,
                       TranscriptSettings settings, Clock clock) {
        this.conversations = conversations;
        this.lock = lock;
        this.sql = sql;
        this.transcripts = transcripts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records the visitor's request for its current thread's transcript, in {@code language} or else the website's
     * widget language. 404 before the visitor's first message; 409 {@code transcript_unavailable} when the thread ended
     * longer ago than {@code after-close}.
     */
    @Transactional
    public TranscriptRequestView request(Site site, UUID visitorId, TranscriptRequest request) {
        ConversationView conversation = conversations.ofVisitor(site.id(), visitorId)
                .orElseThrow(() -> ApiException.notFound("Conversation"));
        LockedConversation locked = lock.require(site.id(), conversation.id());
        if (locked.currentThreadId() == null) {
            throw ApiException.notFound("Conversation");
        }
        UUID threadId = locked.currentThreadId();
        Optional<Transcripts.Stored> before = find(threadId);
        if (before.isPresent() && before.get().sentAt() != null) {
            return view(threadId, before.get());
        }
        Instant now = clock.instant();
        Instant closedAt = sql.one(ENDED, row -> Sql.instant(row, "closed_at"), threadId).orElse(null);
        if (closedAt != null && closedAt.isBefore(now.minus(settings.afterClose()))) {
            throw ApiException.conflict("transcript_unavailable", "The conversation ended too long ago to send its transcript.");
        }
        String language = request.language() != null ? request.language() : language(site);
        sql.update(UPSERT, threadId, site.id(), request.email().strip(), language, now);
        if (closedAt != null) {
            send(locked, threadId, closedAt);
        }
        return view(threadId, find(threadId).orElseThrow());
    }

    /**
     * Sends the transcript asked for the thread that {@code conversation} (locked by the caller) just ended, if any;
     * in the caller's transaction.
     */
    public void threadClosed(LockedConversation conversation, UUID threadId, Instant closedAt) {
        send(conversation, threadId, closedAt);
    }

    private void send(LockedConversation conversation, UUID threadId, Instant closedAt) {
        Optional<Transcripts.Stored> request = find(threadId);
        if (request.isEmpty() || request.get().sentAt() != null) {
            return;
        }
        transcripts.publish(conversation.websiteId(), conversation.id(), conversation.visitorId(), threadId, closedAt, request.get());
        sql.update(SENT, clock.instant(), threadId);
    }

    private Optional<Transcripts.Stored> find(UUID threadId) {
        return sql.one(FIND, row -> new Transcripts.Stored(row.getString("email"), row.getString("language"),
                Sql.instant(row, "requested_at"), Sql.instant(row, "sent_at")), threadId);
    }

    private static TranscriptRequestView view(UUID threadId, Transcripts.Stored stored) {
        return new TranscriptRequestView(threadId, stored.email(), stored.language(), stored.sentAt() == null ? "pending" : "sent",
                stored.requestedAt());
    }

    private static String language(Site site) {
        String tag = site.widget() == null ? "" : site.widget().getLanguage();
        String primary = tag == null || tag.isBlank() ? "" : Locale.forLanguageTag(tag.strip()).getLanguage();
        return LANGUAGES.contains(primary) ? primary : LANGUAGES.get(0);
    }
}
