package dev.zendo.notifications.missedreply;

import dev.zendo.notifications.preference.VisitorMails;
import dev.zendo.notifications.render.MailBody;
import dev.zendo.notifications.render.MailTexts;
import dev.zendo.notifications.replica.Visitors;
import dev.zendo.notifications.replica.Websites;
import dev.zendo.notifications.routing.NotificationKind;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mails each visitor the agents' replies it did not read: once the conversation's first unread reply is older than the
 * delay, one mail gathers all its unread replies in order, whose texts are deleted in the same transaction. Digests are claimed with FOR UPDATE SKIP LOCKED,
 * so instances sweeping at once never mail one conversation twice. Nothing is mailed (or logged) to a visitor without
 * an address; an address that unsubscribed is logged {@code suppressed}, {@code unsubscribed}.
 */
@Singleton
class DigestSweep {

    private static final NotificationKind KIND = NotificationKind.MISSED_REPLY;

    private final MissedReplySettings settings;
    private final PendingReplies replies;
    private final Websites websites;
    private final Visitors visitors;
    private final MailTexts texts;
    private final VisitorMails mails;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    DigestSweep(MissedReplySettings settings, PendingReplies replies, Websites websites, Visitors visitors, MailTexts texts,
                VisitorMails mails, TransactionOperations<Connection> transactions, Clock clock) {
        this.settings = settings;
        this.replies = replies;
        this.websites = websites;
        this.visitors = visitors;
        this.texts = texts;
        this.mails = mails;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Mails every due digest, a batch per transaction. */
    @Scheduled(fixedDelay = "${zendo.notifications.missed-reply.poll-interval:5s}")
    public void sweep() {
        int claimed;
        do {
            claimed = sweepBatch();
        } while (claimed == settings.batchSize());
    }

    /** Claims and mails up to a batch of due digests in one transaction; returns how many were claimed. */
    int sweepBatch() {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            Instant now = clock.instant();
            List<PendingReplies.Digest> due = replies.claim(connection, now, settings.batchSize());
            for (PendingReplies.Digest digest : due) {
                mail(connection, digest, replies.take(connection, digest.conversationId()));
            }
            return due.size();
        });
    }

    private void mail(Connection connection, PendingReplies.Digest digest, List<PendingReplies.Reply> due) throws SQLException {
        Optional<Websites.Website> website = websites.find(connection, digest.websiteId());
        Optional<Visitors.Visitor> visitor = visitors.find(connection, digest.visitorId());
        if (due.isEmpty() || website.isEmpty() || visitor.isEmpty() || visitor.get().email().isBlank()) {
            return;
        }
        String language = website.get().language();
        String name = website.get().name();
        MailBody body = new MailBody().paragraph(texts.get(language, "missed_reply.intro", name));
        due.forEach(reply -> body.quote(reply.authorName().isBlank() ? name : reply.authorName(), reply.body()));
        body.paragraph(texts.get(language, "missed_reply.next", name));
        mails.send(connection, website.get(), language, visitor.get().email(), KIND, due.get(0).messageId(), due.get(0).createdAt(),
                body, texts.get(language, "missed_reply.subject", name, due.size()));
    }
}
