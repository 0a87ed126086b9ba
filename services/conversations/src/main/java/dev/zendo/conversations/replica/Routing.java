package dev.zendo.conversations.replica;

/** How a group hands new threads to its members. */
public enum Routing {
    ROUND_ROBIN, LEAST_LOADED, STICKY
}
