package cn.zwy.gateway.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.graphql.execution.ErrorType;

/**
 * Parsed and validated documents, kept in a bounded cache keyed by the document's text: the apps
 * send the same few hundred documents over and over, and parsing plus validating one against the
 * schema was about 7 % of the gateway's CPU on a one-field read (the profile in docs/benchmarks/gateway.md).
 * Only documents that validated are kept, so a stream of broken or one-off documents cannot make
 * the good ones fall out, and error messages stay in the caller's locale.
 *
 * <p>Automatic persisted queries, Apollo's protocol: a client sends
 * {@code extensions.persistedQuery = {version: 1, sha256Hash}} without the text; a known hash runs
 * the registered document, an unknown one answers {@code PersistedQueryNotFound} (extensions.code
 * {@code PERSISTED_QUERY_NOT_FOUND}), upon which the client sends text and hash together once, which
 * registers the document once it has validated. With {@code allowListOnly} (production) only the
 * documents of the manifest run, by hash or by text, and nothing can be registered: a client cannot
 * send a document the apps were not built with.
 *
 * <p>The limits that need the variables (depth, complexity) are instrumentations of the execution
 * step, so they still apply to every request, cached or not.
 */
public class DocumentCache implements PreparsedDocumentProvider {

    static final String NOT_FOUND_MESSAGE = "PersistedQueryNotFound";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final Cache<String, PreparsedDocumentEntry> documents;
    private final Cache<String, String> persisted;
    /** hash → text of the manifest's documents: always served, never evicted. */
    private final Map<String, String> manifest;
    private final boolean allowListOnly;

    public DocumentCache(int maxDocuments, int maxPersisted, Map<String, String> manifest, boolean allowListOnly) {
        this.documents = Caffeine.newBuilder().maximumSize(maxDocuments).recordStats().build();
        this.persisted = Caffeine.newBuilder().maximumSize(maxPersisted).recordStats().build();
        this.manifest = Map.copyOf(manifest);
        this.allowListOnly = allowListOnly;
    }

    /** Hit rates on /actuator/prometheus ({@code cache_gets_total{cache="graphql.documents"}}): a low one means the apps send ever new documents. */
    public void bindMetrics(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, documents, "graphql.documents");
        CaffeineCacheMetrics.monitor(registry, persisted, "graphql.persisted-queries");
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        return CompletableFuture.completedFuture(document(input, parseAndValidate));
    }

    private PreparsedDocumentEntry document(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String text = input.getQuery();
        boolean hasText = text != null && !text.isBlank() && !PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(text);
        Object apq = input.getExtensions() == null ? null : input.getExtensions().get("persistedQuery");
        String hash = null;
        if (apq != null) {
            if (!(apq instanceof Map<?, ?> pq) || !Integer.valueOf(1).equals(asInt(pq.get("version")))
                    || !(pq.get("sha256Hash") instanceof String h) || !SHA256_HEX.matcher(h).matches()) {
                return error("persistedQuery 应为 {version: 1, sha256Hash: 64 位小写十六进制}", "VALIDATION",
                        "extensions.persistedQuery", ErrorType.BAD_REQUEST);
            }
            hash = h;
            if (!hasText) {
                text = manifest.get(hash);
                if (text == null && !allowListOnly) text = persisted.getIfPresent(hash);
                if (text == null) {
                    return allowListOnly
                            ? notAllowed()
                            : error(NOT_FOUND_MESSAGE, "PERSISTED_QUERY_NOT_FOUND", null, ErrorType.BAD_REQUEST);
                }
            } else if (!hash.equals(sha256(text))) {
                return error("sha256Hash 与查询文本不符", "VALIDATION", "extensions.persistedQuery.sha256Hash", ErrorType.BAD_REQUEST);
            }
        } else if (!hasText) {
            return error("缺少查询文本", "VALIDATION", "query", ErrorType.BAD_REQUEST);
        }
        if (allowListOnly && !manifest.containsKey(hash != null ? hash : sha256(text))) {
            return notAllowed();
        }
        PreparsedDocumentEntry entry = documents.getIfPresent(text);
        if (entry == null) {
            String finalText = text;
            entry = parseAndValidate.apply(finalText.equals(input.getQuery()) ? input : input.transform(b -> b.query(finalText)));
            if (!entry.hasErrors()) documents.put(text, entry);
        }
        if (hash != null && !entry.hasErrors() && !allowListOnly && !manifest.containsKey(hash)) {
            persisted.put(hash, text);
        }
        return entry;
    }

    /**
     * The text registered under a persisted-query hash (the manifest's, or one registered by a
     * client unless only the manifest counts), for transports that must look at the document before
     * it runs (GET refuses mutations).
     */
    public java.util.Optional<String> registeredText(String hash) {
        if (hash == null) return java.util.Optional.empty();
        String text = manifest.get(hash);
        if (text == null && !allowListOnly) text = persisted.getIfPresent(hash);
        return java.util.Optional.ofNullable(text);
    }

    private static PreparsedDocumentEntry notAllowed() {
        return error("只接受已登记的查询（持久化查询清单）", "FORBIDDEN", "query", ErrorType.FORBIDDEN);
    }

    private static PreparsedDocumentEntry error(String message, String code, String field, ErrorType type) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("code", code);
        if (field != null) ext.put("field", field);
        GraphQLError e = GraphqlErrorBuilder.newError().message(message).errorType(type).extensions(ext).build();
        return new PreparsedDocumentEntry(e);
    }

    private static Integer asInt(Object o) {
        return o instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : null;
    }

    /** The hash clients compute: SHA-256 of the document's UTF-8 text, lower-case hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
