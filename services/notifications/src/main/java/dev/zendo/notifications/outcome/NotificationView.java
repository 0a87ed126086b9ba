package dev.zendo.notifications.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * One notification in a website's log: what it was about, who it was for, and what became of it.
 *
 * @param id               the notification
 * @param kind             what it is about, e.g. {@code invitation}
 * @param channel          how it is sent: {@code email}
 * @param eventId          the event it comes from
 * @param recipientAgentId the agent it is for, absent for someone who is not an agent
 * @param recipientEmail   the address it goes to
 * @param status           queued, delivered, suppressed or failed
 * @param reason           why it was suppressed or failed (machine-readable), absent otherwise
 * @param attempts         attempts made to hand it to the mail server
 * @param createdAt        when it was decided
 * @param updatedAt        when its status last changed
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationView(
        UUID id,
        @Schema(allowableValues = {"invitation", "new_conversation", "assignment", "offline_message", "missed_reply", "transcript", "webhook_disabled"}) String kind,
        @Schema(allowableValues = {"email"}) String channel,
        String eventId,
        @Nullable String recipientAgentId,
        String recipientEmail,
        @Schema(allowableValues = {"queued", "delivered", "suppressed", "failed"}) String status,
        @Nullable @Schema(allowableValues = {"unopenable_secret", "self_originated", "recipient_unreachable", "smtp_refused_recipient", "smtp_gave_up", "unsubscribed"}) String reason,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {
}
