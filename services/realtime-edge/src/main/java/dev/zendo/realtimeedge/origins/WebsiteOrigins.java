package dev.zendo.realtimeedge.origins;

import dev.zendo.events.v1.WidgetSettings;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the edge knows of a website: the origins its widget may run on (lower case), whether it is deleted and whether
 * its agents see visitors' drafts (the widget setting {@code sneak_peek}).
 * The rules mirror conversations' {@code WidgetOrigins}: origins compare case-insensitively, and a website with no
 * allowed origins admits no browser.
 *
 * @param allowed lower-cased allowed origins
 * @param deleted soft-deleted: admits nobody
 * @param sneakPeek agents receive the drafts visitors type ({@code typing} frames' {@code text})
 */
public record WebsiteOrigins(Set<String> allowed, boolean deleted, boolean sneakPeek) {

    /** A live website with these allowed origins as the events spell them and its widget settings. */
    static WebsiteOrigins of(Iterable<String> origins, WidgetSettings widget) {
        Set<String> lower = new HashSet<>();
        origins.forEach(origin -> lower.add(origin.toLowerCase(Locale.ROOT)));
        return new WebsiteOrigins(Set.copyOf(lower), false, widget.getSneakPeek());
    }

    WebsiteOrigins withDeleted(boolean isDeleted) {
        return new WebsiteOrigins(allowed, isDeleted, sneakPeek);
    }

    /**
     * Whether a visitor socket opened with {@code origin} may use the website: never when it is deleted; an absent
     * origin (not a browser) passes, as on conversations' widget API after session bootstrap; otherwise it must be listed.
     */
    public boolean admits(String origin) {
        if (deleted) {
            return false;
        }
        return origin == null || allowed.contains(origin.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return allowed.stream().sorted().collect(Collectors.joining(",", "[", deleted ? "] deleted" : "]"));
    }
}
