package dev.zendo.conversations.agent;

import java.util.UUID;

/**
 * One inbox list request, checked.
 *
 * @param websiteId the website
 * @param callerId  the agent asking
 * @param seesAll   whether the caller sees every conversation; otherwise only the queue and their own
 * @param view      which list
 * @param groupId   only conversations of this group, or null
 * @param tagId     only conversations with this tag, or null
 * @param agentId   only conversations of this agent, or null
 * @param after     the cursor the page starts after, or null for the first page
 * @param limit     items per page
 */
record InboxFilter(UUID websiteId, String callerId, boolean seesAll, InboxView view, UUID groupId, UUID tagId,
                   String agentId, InboxCursor after, int limit) {
}
