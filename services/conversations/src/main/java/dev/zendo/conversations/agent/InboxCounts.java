package dev.zendo.conversations.agent;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * How many conversations each inbox list holds for the caller.
 *
 * @param mine         active conversations assigned to the caller
 * @param queue        conversations waiting for an agent
 * @param open         waiting and active conversations the caller sees
 * @param closed       resolved and closed conversations the caller sees, counted up to {@value Inbox#CLOSED_COUNT_CAP}
 * @param closedCapped whether there are more closed conversations than {@code closed} says
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record InboxCounts(long mine, long queue, long open, long closed, boolean closedCapped) {
}
