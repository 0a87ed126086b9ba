package dev.zendo.notifications.webhook;

import dev.zendo.platform.http.ApiException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The event types a subscription may choose, as they appear in deliveries' {@code type}; {@code *} chooses all. */
public final class EventTypes {

    /** Every event of a type in {@link #ALL}. */
    public static final String EVERY = "*";

    /** The types delivered, in documentation order. */
    public static final List<String> ALL = List.of(
            "message.created",
            "conversation.opened",
            "conversation.assigned",
            "conversation.closed",
            "conversation.reopened",
            "conversation.tagged",
            "thread.rated",
            "visitor.created",
            "visitor.updated");

    /** The most entries a subscription's {@code event_types} may have. */
    public static final int MAX_CHOSEN = 20;

    private static final Set<String> DELIVERED = Set.copyOf(ALL);

    private EventTypes() {
    }

    /**
     * The types chosen by {@code eventTypes}, each once, in the order given ({@code ["*"]} when it holds {@code *});
     * 400 naming the first entry that is no known type.
     */
    static List<String> chosen(List<String> eventTypes) {
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            if (!EVERY.equals(type) && !DELIVERED.contains(type)) {
                throw ApiException.invalid("event_types[" + i + "]", "must be " + EVERY + " or one of " + String.join(", ", ALL)
                        + ", not '" + type + "'");
            }
        }
        return eventTypes.contains(EVERY) ? List.of(EVERY) : List.copyOf(new LinkedHashSet<>(eventTypes));
    }

    /** Whether events of {@code type} are ever delivered. */
    public static boolean delivered(String type) {
        return DELIVERED.contains(type);
    }
}
