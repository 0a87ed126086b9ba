package dev.zendo.conversations.agent;

import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.platform.http.ApiException;

import java.util.List;
import java.util.Locale;

/** The inbox lists: the caller's own open conversations, the queue, everything open, and what has ended. */
enum InboxView {
    /** Active conversations assigned to the caller. */
    MINE(List.of(ThreadStatus.ACTIVE)),
    /** Conversations waiting for an agent. */
    QUEUE(List.of(ThreadStatus.PENDING)),
    /** Waiting and active conversations. */
    OPEN(List.of(ThreadStatus.PENDING, ThreadStatus.ACTIVE)),
    /** Conversations whose current thread was resolved or closed. */
    CLOSED(List.of(ThreadStatus.RESOLVED, ThreadStatus.CLOSED));

    static final String NAMES = "mine, queue, open or closed";

    private final List<ThreadStatus> statuses;

    InboxView(List<ThreadStatus> statuses) {
        this.statuses = statuses;
    }

    /** The current-thread statuses the list holds. */
    List<ThreadStatus> statuses() {
        return statuses;
    }

    /** The view named by the {@code view} query parameter; {@code open} when none is named, 400 for anything else. */
    static InboxView of(String name) {
        if (name == null) {
            return OPEN;
        }
        for (InboxView view : values()) {
            if (view.name().toLowerCase(Locale.ROOT).equals(name)) {
                return view;
            }
        }
        throw ApiException.invalid("view: must be " + NAMES);
    }
}
