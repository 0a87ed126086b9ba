package dev.zendo.conversations.transcript;

import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.TranscriptMessage;
import dev.zendo.events.v1.TranscriptRequested;
import dev.zendo.outbox.Events;
import dev.zendo.outbox.Outbox;
import dev.zendo.platform.jdbc.Sql;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code TranscriptRequested} to the outbox in the caller's transaction: the thread's text messages of the
 * visitor, agents and bots in seq order (never notes or system lines), the latest ones within the configured cap, on
 * the transcripts topic only notifications reads, keyed by conversation id.
 */
@Singleton
class Transcripts {

    private static final String MESSAGES = """
            SELECT seq, author_kind, author_id, author_name, body, created_at FROM messages
            WHERE thread_id = ? AND kind = 'TEXT' AND author_kind <> 'SYSTEM' ORDER BY seq DESC LIMIT ?""";

    private final Sql sql;
    private final Outbox outbox;
    private final TranscriptSettings settings;

    Transcripts(Sql sql, Outbox outbox, TranscriptSettings settings) {
        this.sql = sql;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** Publishes the transcript of {@code threadId}, which ended at {@code closedAt}, to {@code request}'s address. */
    void publish(UUID websiteId, UUID conversationId, UUID visitorId, UUID threadId, Instant closedAt, Stored request) {
        List<TranscriptMessage> newestFirst = sql.list(MESSAGES, row -> TranscriptMessage.newBuilder()
                .setSeq(row.getLong("seq"))
                .setAuthor(author(row.getString("author_kind"), row.getString("author_id")))
                .setAuthorName(nullToEmpty(row.getString("author_name")))
                .setBody(row.getString("body"))
                .setCreatedAt(Events.timestamp(Sql.instant(row, "created_at")))
                .build(), threadId, settings.maxMessages() + 1);
        List<TranscriptMessage> kept = new ArrayList<>();
        long bytes = 0;
        for (TranscriptMessage message : newestFirst) {
            bytes += message.getBody().getBytes(StandardCharsets.UTF_8).length
                    + message.getAuthorName().getBytes(StandardCharsets.UTF_8).length;
            if (kept.size() == settings.maxMessages() || bytes > settings.maxBytes()) {
                break;
            }
            kept.add(message);
        }
        Collections.reverse(kept);
        outbox.append(settings.topic(), conversationId.toString(), Events.build(Events.envelope()
                .setWebsiteId(websiteId.toString())
                .setConversationId(conversationId.toString())
                .setVisitorId(visitorId.toString())
                .setAudience(Audience.AUDIENCE_SERVICES)
                .setActor(Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(visitorId.toString()))
                .setTranscriptRequested(TranscriptRequested.newBuilder()
                        .setConversationId(conversationId.toString())
                        .setThreadId(threadId.toString())
                        .setVisitorId(visitorId.toString())
                        .setEmail(request.email())
                        .setLanguage(request.language())
                        .addAllMessages(kept)
                        .setTruncated(kept.size() < newestFirst.size())
                        .setClosedAt(Events.timestamp(closedAt)))));
    }

    private static Actor author(String kind, String id) {
        return Actor.newBuilder().setKind(AuthorKind.valueOf(kind).toEvent()).setId(nullToEmpty(id)).build();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A stored request: where the transcript goes and in which language, and whether it was sent. */
    record Stored(String email, String language, Instant requestedAt, Instant sentAt) {
    }
}
