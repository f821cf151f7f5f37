package cn.zwy.common.events;

/**
 * A consumer of the event stream. {@link #handle} may be called more than once for one
 * event (at-least-once delivery); the consumer records processed ids so it normally is not,
 * but handlers must still be safe to repeat. Throwing leaves the event pending: it is retried,
 * in order, until it succeeds (e.g. after Elasticsearch comes back).
 */
public interface EventHandler {

    /** Redis consumer group, one per consuming purpose (e.g. {@code search-indexer}). */
    String group();

    /**
     * Whether this consumer cares about events of this type. Others are acknowledged without
     * touching the database: every consumer reads the whole stream.
     */
    default boolean accepts(String eventType) {
        return true;
    }

    void handle(DomainEvent event) throws Exception;
}
