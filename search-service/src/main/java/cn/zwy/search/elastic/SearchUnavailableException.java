package cn.zwy.search.elastic;

/** Elasticsearch cannot answer now (down, unreachable, overloaded); the caller may retry later. */
public class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(Throwable cause) {
        super("Elasticsearch unavailable: " + cause, cause);
    }
}
