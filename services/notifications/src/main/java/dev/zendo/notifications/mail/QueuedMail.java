package dev.zendo.notifications.mail;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A queued mail taken for an attempt, with what the attempt needs to know. */
record QueuedMail(UUID notificationId, String recipient, String subject, String text, String html,
                  @Nullable String unsubscribeUrl, @Nullable String replyTo, int attempts, Instant createdAt, Instant occurredAt) {
}
