package dev.zendo.conversations.replica;

import java.util.List;
import java.util.UUID;

/**
 * A live group (department) of a live website, as replicated from websites.
 *
 * @param id             its id
 * @param websiteId      its website
 * @param name           its name
 * @param routing        how it hands out new threads
 * @param isDefault      whether it receives the website's conversations not addressed to another group
 * @param memberAgentIds its members, by agent id, sorted
 */
public record Group(UUID id, UUID websiteId, String name, Routing routing, boolean isDefault, List<String> memberAgentIds) {
}
