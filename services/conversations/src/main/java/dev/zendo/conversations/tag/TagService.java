package dev.zendo.conversations.tag;

import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.TagChanged;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A website's tag definitions: created, renamed, recoloured, soft-deleted and restored, each change announced to the
 * website's agents as {@code TagChanged}. Writes of one website's tags are serialised by a transaction lock, so a
 * name stays unique among live tags (any case) and the number of live tags stays within its limit.
 */
@Singleton
public class TagService {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtextextended('tags:' || ?, 0))";
    private static final String LIST = "SELECT " + TagView.COLUMNS + " FROM tags WHERE website_id = ? AND (? OR deleted_at IS NULL)"
            + " ORDER BY deleted_at IS NOT NULL, lower(name), id";
    private static final String ONE = "SELECT " + TagView.COLUMNS + " FROM tags WHERE id = ? AND website_id = ?";
    private static final String CLASH = "SELECT 1 FROM tags WHERE website_id = ? AND lower(name) = lower(?) AND deleted_at IS NULL AND id <> ?";
    private static final String LIVE = "SELECT count(*) FROM tags WHERE website_id = ? AND deleted_at IS NULL";
    private static final String INSERT = "INSERT INTO tags (id, website_id, name, color, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE tags SET name = ?, color = ?, updated_at = ? WHERE id = ?";
    private static final String DELETE = "UPDATE tags SET deleted_at = ?, updated_at = ? WHERE id = ?";
    private static final String RESTORE = "UPDATE tags SET deleted_at = NULL, updated_at = ? WHERE id = ?";

    private final Sql sql;
    private final SiteEvents events;
    private final Clock clock;

    TagService(Sql sql, SiteEvents events, Clock clock) {
        this.sql = sql;
        this.events = events;
        this.clock = clock;
    }

    /** The website's live tags by name, and its deleted ones after them when asked. */
    @Transactional(readOnly = true)
    public List<TagView> list(UUID websiteId, boolean includeDeleted) {
        return sql.list(LIST, TagView::of, websiteId, includeDeleted);
    }

    /** Defines a tag; 409 when a live tag has the name or the website has too many. */
    @Transactional
    public TagView create(UUID websiteId, String agentId, CreateTagRequest request) {
        lock(websiteId);
        UUID id = UUID.randomUUID();
        String name = request.name().strip();
        requireFreeName(websiteId, name, id);
        long live = sql.one(LIVE, row -> row.getLong(1), websiteId).orElse(0L);
        if (live >= Tags.MAX_LIVE) {
            throw ApiException.conflict("tag_limit", "A website has at most " + Tags.MAX_LIVE + " tags; delete one first.");
        }
        Instant now = clock.instant();
        sql.update(INSERT, id, websiteId, name, color(request.color()), now, now);
        return changed(websiteId, agentId, id);
    }

    /** Renames or recolours a live tag; 404 for a deleted or unknown one, 409 when another live tag has the name. */
    @Transactional
    public TagView update(UUID websiteId, String agentId, UUID tagId, UpdateTagRequest request) {
        lock(websiteId);
        TagView tag = find(websiteId, tagId).filter(found -> !found.deleted()).orElseThrow(() -> ApiException.notFound("Tag"));
        String name = request.name() == null ? tag.name() : request.name().strip();
        String color = request.color() == null ? tag.color() : color(request.color());
        if (name.equals(tag.name()) && color.equals(tag.color())) {
            return tag;
        }
        requireFreeName(websiteId, name, tagId);
        sql.update(UPDATE, name, color, clock.instant(), tagId);
        return changed(websiteId, agentId, tagId);
    }

    /** Soft-deletes a live tag: it leaves lists and pickers, and can be restored; 404 for a deleted or unknown one. */
    @Transactional
    public void delete(UUID websiteId, String agentId, UUID tagId) {
        lock(websiteId);
        find(websiteId, tagId).filter(found -> !found.deleted()).orElseThrow(() -> ApiException.notFound("Tag"));
        Instant now = clock.instant();
        sql.update(DELETE, now, now, tagId);
        changed(websiteId, agentId, tagId);
    }

    /** Brings a deleted tag back; a live one is answered as it is. 409 when a live tag took its name meanwhile. */
    @Transactional
    public TagView restore(UUID websiteId, String agentId, UUID tagId) {
        lock(websiteId);
        TagView tag = find(websiteId, tagId).orElseThrow(() -> ApiException.notFound("Tag"));
        if (!tag.deleted()) {
            return tag;
        }
        requireFreeName(websiteId, tag.name(), tagId);
        long live = sql.one(LIVE, row -> row.getLong(1), websiteId).orElse(0L);
        if (live >= Tags.MAX_LIVE) {
            throw ApiException.conflict("tag_limit", "A website has at most " + Tags.MAX_LIVE + " tags; delete one first.");
        }
        sql.update(RESTORE, clock.instant(), tagId);
        return changed(websiteId, agentId, tagId);
    }

    private void lock(UUID websiteId) {
        sql.one(LOCK, row -> Boolean.TRUE, websiteId.toString());
    }

    private Optional<TagView> find(UUID websiteId, UUID tagId) {
        return sql.one(ONE, TagView::of, tagId, websiteId);
    }

    private void requireFreeName(UUID websiteId, String name, UUID tagId) {
        if (sql.one(CLASH, row -> Boolean.TRUE, websiteId, name, tagId).isPresent()) {
            throw ApiException.conflict("tag_name_taken", "Another tag of this website is named \"" + name + "\".");
        }
    }

    private TagView changed(UUID websiteId, String agentId, UUID tagId) {
        TagView tag = find(websiteId, tagId).orElseThrow();
        Actor actor = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_AGENT).setId(agentId).build();
        events.toAgents(websiteId, null, null, actor, envelope -> envelope.setTagChanged(TagChanged.newBuilder()
                .setTagId(tag.id().toString())
                .setName(tag.name())
                .setColor(tag.color())
                .setDeleted(tag.deleted())));
        return tag;
    }

    private static String color(String color) {
        return color.toLowerCase(Locale.ROOT);
    }
}
