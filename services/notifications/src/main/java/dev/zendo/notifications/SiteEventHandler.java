package dev.zendo.notifications;

import dev.zendo.inbox.EventHandler;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A handler of the events of every website's own topic (those that exist now and those created later). */
public interface SiteEventHandler extends EventHandler {

    /** The settings that name the websites' topics. */
    NotificationsSettings settings();

    @Override
    default Set<String> topics() {
        return Set.of();
    }

    @Override
    default Optional<Pattern> topicPattern() {
        return Optional.of(settings().siteTopics());
    }
}
