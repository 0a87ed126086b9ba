package dev.zendo.conversations.commands;

import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.ReadRequested;

import java.util.UUID;

/**
 * A well-formed {@code ReadRequested} command: the edge's authenticated reader (an agent, or a visitor by id) read
 * {@code conversationId} of {@code websiteId} up to {@code seq}.
 *
 * @param websiteId      the website the reader is authenticated for ({@code Envelope.website_id})
 * @param conversationId the conversation read
 * @param reader         who read it ({@code Envelope.actor}; {@code ReadRequested.reader}, when set, must be the same)
 * @param seq            the last seq seen
 */
record ReadCommand(UUID websiteId, UUID conversationId, Actor reader, long seq) {

    /** The command {@code envelope} carries; {@link MalformedCommand} naming the first field that is missing or wrong. */
    static ReadCommand of(Envelope envelope) throws MalformedCommand {
        if (envelope.getPayloadCase() != Envelope.PayloadCase.READ_REQUESTED) {
            throw new MalformedCommand("payload");
        }
        ReadRequested read = envelope.getReadRequested();
        Actor reader = envelope.getActor();
        boolean agent = reader.getKind() == ActorKind.ACTOR_KIND_AGENT && !reader.getId().isBlank();
        boolean visitor = reader.getKind() == ActorKind.ACTOR_KIND_VISITOR && isUuid(reader.getId());
        if (!agent && !visitor) {
            throw new MalformedCommand("actor");
        }
        if (read.hasReader() && !read.getReader().equals(reader)) {
            throw new MalformedCommand("read_requested.reader");
        }
        UUID conversationId = uuid(read.getConversationId(), "read_requested.conversation_id");
        if (envelope.hasConversationId() && !conversationId.equals(uuid(envelope.getConversationId(), "conversation_id"))) {
            throw new MalformedCommand("conversation_id");
        }
        return new ReadCommand(uuid(envelope.getWebsiteId(), "website_id"), conversationId, reader, read.getSeq());
    }

    /** Whether the reader is the conversation's visitor rather than an agent. */
    boolean byVisitor() {
        return reader.getKind() == ActorKind.ACTOR_KIND_VISITOR;
    }

    private static UUID uuid(String value, String field) throws MalformedCommand {
        if (!isUuid(value)) {
            throw new MalformedCommand(field);
        }
        return UUID.fromString(value);
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A command that cannot be applied as sent; its message names the field, never the content. */
    static final class MalformedCommand extends Exception {
        MalformedCommand(String field) {
            super(field, null, false, false);
        }
    }
}
