package dev.zendo.conversations.widget;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * A visitor's read command relayed by the realtime edge, applied as {@code POST /v1/widget/read} applies it: the
 * website and the visitor must be live, and the conversation must be the visitor's own in that website.
 */
@Singleton
public class VisitorReads {

    private final WidgetCallers callers;
    private final VisitorMessages messages;

    VisitorReads(WidgetCallers callers, VisitorMessages messages) {
        this.callers = callers;
        this.messages = messages;
    }

    /**
     * Moves the visitor's read cursor in its conversation {@code conversationId} of {@code websiteId} up to {@code seq}.
     *
     * @throws dev.zendo.platform.http.ApiException 401 for a deleted website or a merged visitor, 404 for a conversation
     *                                              that is not the visitor's, 400 for a seq beyond its latest message
     */
    @Transactional
    public ReadView read(UUID websiteId, UUID visitorId, UUID conversationId, long seq) {
        Caller caller = callers.require(websiteId, visitorId);
        return messages.read(caller.site().id(), caller.visitor(), conversationId, seq);
    }
}
