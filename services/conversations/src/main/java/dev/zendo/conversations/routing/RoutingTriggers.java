package dev.zendo.conversations.routing;

import dev.zendo.conversations.thread.SlotFreed;
import dev.zendo.conversations.thread.ThreadQueued;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

/** Drains a website's queues once a transaction that queued a thread or freed an agent's slot has committed. */
@Singleton
class RoutingTriggers {

    private final DrainRequests drains;

    RoutingTriggers(DrainRequests drains) {
        this.drains = drains;
    }

    @TransactionalEventListener
    void threadQueued(ThreadQueued event) {
        drains.request(event.websiteId(), event.threadId());
    }

    @TransactionalEventListener
    void slotFreed(SlotFreed event) {
        drains.request(event.websiteId());
    }
}
