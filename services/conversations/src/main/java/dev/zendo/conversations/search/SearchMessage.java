package dev.zendo.conversations.search;

import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.message.MessageKind;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The message a hit found.
 *
 * @param id         the message
 * @param seq        its place in its conversation (open the history around it)
 * @param kind       text, note or system
 * @param authorKind who wrote it
 * @param snippet    an excerpt around the matches, plain text
 * @param highlights where in the snippet the query matched
 * @param createdAt  when it was written
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SearchMessage(UUID id, long seq, MessageKind kind, AuthorKind authorKind, String snippet,
                            List<Highlight> highlights, Instant createdAt) {
}
