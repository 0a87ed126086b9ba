package dev.zendo.conversations.replica;

import dev.zendo.events.v1.WidgetSettings;

import java.util.List;
import java.util.UUID;

/**
 * A live website as replicated from websites.
 *
 * @param id             its id
 * @param name           its name
 * @param allowedOrigins hosts whose pages may embed the widget
 * @param widget         what the widget shows and asks
 * @param defaultGroupId the group new conversations go to unless told otherwise; null until its group is replicated
 */
public record Site(UUID id, String name, List<String> allowedOrigins, WidgetSettings widget, UUID defaultGroupId) {
}
