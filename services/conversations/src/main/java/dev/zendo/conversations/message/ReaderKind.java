package dev.zendo.conversations.message;

/** Who reads a conversation: its visitor or one of the website's agents. */
public enum ReaderKind {
    VISITOR, AGENT
}
