package cn.zwy.common.events;

/**
 * Thrown by a handler for an event that can never succeed (its payload cannot be read, it names
 * something that cannot exist). The consumer records it as failed and moves on instead of
 * retrying it forever and holding up every event behind it. Anything else is retried.
 */
public class UnprocessableEventException extends RuntimeException {
    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
