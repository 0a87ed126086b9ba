package dev.zendo.conversations.widget;

/**
 * What a session start found and wrote, as its transaction committed it.
 *
 * @param visitor       the session's visitor
 * @param conversation  its conversation and latest messages, or null
 * @param queuePosition its waiting thread's place in the queue, or null
 */
record Started(VisitorRow visitor, ConversationSummary conversation, Integer queuePosition) {
}
