package dev.zendo.conversations.message;

/**
 * The outcome of posting a message.
 *
 * @param message the stored message
 * @param created false when the client_msg_id was already stored: the message is the earlier one and nothing changed
 */
public record Posted(MessageView message, boolean created) {
}
