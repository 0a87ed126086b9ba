package dev.zendo.outbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Write;
import io.micronaut.serde.annotation.Serdeable;

import javax.sql.DataSource;
import java.util.List;

/**
 * The {@code /outbox} management endpoint: lists parked outbox rows and puts them back in line. It is sensitive: with
 * no security module Micronaut answers 401 to it, so it is reachable only where an operator sets
 * {@code endpoints.outbox.sensitive=false} on an internal management port ({@code endpoints.all.port}).
 */
@Endpoint(id = "outbox", defaultSensitive = true)
@Requires(beans = DataSource.class)
public class OutboxEndpoint {

    private static final int LIST_LIMIT = 1000;

    private final ParkedRows parkedRows;

    OutboxEndpoint(ParkedRows parkedRows) {
        this.parkedRows = parkedRows;
    }

    /** The first 1000 parked rows. */
    @Read
    public List<ParkedRow> parked() {
        return parkedRows.list(LIST_LIMIT);
    }

    /** Retries the parked rows {@code ids}, or all of them when none are named. */
    @Write
    public Retried retry(@Nullable List<Long> ids) {
        return new Retried(parkedRows.retry(ids == null ? List.of() : ids));
    }

    /**
     * The answer to a retry.
     *
     * @param retried how many parked rows were put back in line
     */
    @Serdeable
    public record Retried(int retried) {
    }
}
