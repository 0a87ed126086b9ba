package dev.zendo.notifications.transcript;

import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.TranscriptMessage;
import dev.zendo.events.v1.TranscriptRequested;
import dev.zendo.inbox.EventHandler;
import dev.zendo.notifications.preference.VisitorMails;
import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.replica.Websites;
import dev.zendo.notifications.routing.NotificationKind;
import dev.zendo.notifications.routing.Sources;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static dev.zendo.inbox.EventFields.required;
import static dev.zendo.inbox.EventFields.uuid;

/**
 * Mails a visitor the transcript of a thread it asked for, from {@code TranscriptRequested}, which carries the
 * messages: this service never keeps them, and the queued mail is deleted once sent. Written in the language the
 * visitor asked in, with every name and text escaped, a line when earlier messages were left out, and a one-click
 * unsubscribe; an address that turned transcripts off is logged {@code suppressed}, {@code unsubscribed}. Once per
 * recipient and thread: the dedupe key's event is the thread id, so a replayed or repeated event sends nothing more.
 */
@Singleton
class TranscriptMails implements EventHandler {

    private static final NotificationKind KIND = NotificationKind.TRANSCRIPT;

    private final TranscriptSettings settings;
    private final Websites websites;
    private final MailTexts texts;
    private final VisitorMails mails;

    TranscriptMails(TranscriptSettings settings, Websites websites, MailTexts texts, VisitorMails mails) {
        this.settings = settings;
        this.websites = websites;
        this.texts = texts;
        this.mails = mails;
    }

    @Override
    public Set<String> topics() {
        return Set.of(settings.topic());
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        if (!event.hasTranscriptRequested()) {
            return;
        }
        TranscriptRequested transcript = event.getTranscriptRequested();
        UUID websiteId = uuid("website_id", event.getWebsiteId());
        String threadId = uuid("thread_id", transcript.getThreadId()).toString();
        String email = required("email", transcript.getEmail()).strip();
        Optional<Websites.Website> website = websites.find(connection, websiteId);
        if (website.isEmpty()) {
            return;
        }
        Instant occurredAt = Sources.occurredAt(event);
        String language = MailTexts.language(transcript.getLanguage());
        String name = website.get().name();
        Instant closedAt = transcript.hasClosedAt() ? Sources.instant(transcript.getClosedAt()) : occurredAt;
        MailBody body = new MailBody().paragraph(texts.get(language, "transcript.intro", name, texts.dateTime(language, closedAt)));
        if (transcript.getTruncated()) {
            body.paragraph(texts.get(language, "transcript.truncated", transcript.getMessagesCount()));
        }
        for (TranscriptMessage message : transcript.getMessagesList()) {
            body.quote(texts.get(language, "transcript.line", author(language, name, message),
                    texts.dateTime(language, Sources.instant(message.getCreatedAt()))), message.getBody());
        }
        if (transcript.getMessagesCount() == 0) {
            body.paragraph(texts.get(language, "transcript.empty"));
        }
        mails.send(connection, website.get(), language, email, KIND, threadId, occurredAt, body,
                texts.get(language, "transcript.subject", name));
    }

    private String author(String language, String websiteName, TranscriptMessage message) {
        if (message.getAuthor().getKind() == ActorKind.ACTOR_KIND_VISITOR) {
            return texts.get(language, "transcript.you");
        }
        return message.getAuthorName().isBlank() ? websiteName : message.getAuthorName();
    }
}
