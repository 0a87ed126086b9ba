package dev.zendo.notifications.webhook.payload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The {@code data} of each event type delivered; absent values are JSON null, never left out. */
public final class EventData {

    private EventData() {
    }

    /**
     * Who did something.
     *
     * @param kind {@code agent}, {@code visitor}, {@code system} or {@code bot}
     * @param id   the agent's or visitor's id, the bot's name; null for the system
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Party(String kind, @Nullable String id) {
    }

    /**
     * The author of a message.
     *
     * @param kind {@code agent}, {@code visitor}, {@code system} or {@code bot}
     * @param id   the agent's or visitor's id, the bot's name; null for the system
     * @param name the display name when the message was written
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Author(String kind, @Nullable String id, @Nullable String name) {
    }

    /** {@code message.created}; {@code kind} is {@code text}, {@code note} (agents only) or {@code system}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Message(String messageId, String conversationId, @Nullable String threadId, long seq, String kind, String body,
                          Author author, @Nullable Instant createdAt) {
    }

    /** {@code conversation.opened}: a visitor's message started a new thread. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConversationOpened(String conversationId, @Nullable String threadId, @Nullable String visitorId,
                                     @Nullable String groupId, @Nullable String subject) {
    }

    /** {@code conversation.assigned}: routing, self-assignment or a transfer; {@code agent_id} null when sent back to a queue. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConversationAssigned(String conversationId, @Nullable String threadId, @Nullable String agentId,
                                       @Nullable String previousAgentId, @Nullable String groupId) {
    }

    /** {@code conversation.closed}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConversationClosed(String conversationId, @Nullable String threadId, @Nullable Party closedBy, boolean resolved,
                                     @Nullable String reason) {
    }

    /** {@code conversation.reopened}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConversationReopened(String conversationId, @Nullable String threadId, @Nullable Party reopenedBy) {
    }

    /** {@code conversation.tagged}: {@code tag_ids} are the conversation's tags after the change. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConversationTagged(String conversationId, List<String> tagIds, List<String> addedTagIds, List<String> removedTagIds) {
    }

    /** {@code thread.rated}: 1 to 5. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ThreadRated(String conversationId, @Nullable String threadId, int rating, @Nullable String comment) {
    }

    /** {@code visitor.created} and {@code visitor.updated}: the visitor after the change. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Visitor(String visitorId, @Nullable String label, @Nullable String name, @Nullable String email,
                          @Nullable String phone, @Nullable String externalId, Map<String, Object> attributes) {
    }
}
