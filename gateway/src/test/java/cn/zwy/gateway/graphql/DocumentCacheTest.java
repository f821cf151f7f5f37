package cn.zwy.gateway.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link DocumentCache} in graphql-java's engine: what a client sees in allow-list mode, which the
 * system tests cannot switch on (their gateway runs as deployed by default, open), and that a cached
 * document is not parsed again. The APQ round trip over HTTP is in system-tests (PersistedQueryTest).
 */
class DocumentCacheTest {

    private static final String HELLO = "{ hello }";
    private static final String OTHER = "{ other: hello }";

    private final AtomicInteger parses = new AtomicInteger();

    private GraphQL engine(DocumentCache cache) {
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { hello: String }"),
                RuntimeWiring.newRuntimeWiring().type("Query", t -> t.dataFetcher("hello", env -> "你好")).build());
        return GraphQL.newGraphQL(schema).preparsedDocumentProvider((input, parseAndValidate) ->
                cache.getDocumentAsync(input, in -> { parses.incrementAndGet(); return parseAndValidate.apply(in); })).build();
    }

    private static ExecutionResult run(GraphQL engine, String query, String hash) {
        var b = ExecutionInput.newExecutionInput().query(query == null ? PersistedQuerySupport.PERSISTED_QUERY_MARKER : query);
        if (hash != null) b.extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
        return engine.execute(b.build());
    }

    private static String code(ExecutionResult r) {
        return r.getErrors().isEmpty() ? null : String.valueOf(r.getErrors().get(0).getExtensions().get("code"));
    }

    @Test
    void sameDocumentIsParsedOnce() {
        GraphQL engine = engine(new DocumentCache(10, 10, Map.of(), false));
        for (int i = 0; i < 3; i++) assertThat(run(engine, HELLO, null).<Map<String, Object>>getData()).containsEntry("hello", "你好");
        assertThat(parses).hasValue(1);
    }

    @Test
    void allowListRunsTheManifestsDocumentsByHashOrText() {
        GraphQL engine = engine(new DocumentCache(10, 10, Map.of(DocumentCache.sha256(HELLO), HELLO), true));
        assertThat(run(engine, null, DocumentCache.sha256(HELLO)).getErrors()).isEmpty();
        assertThat(run(engine, HELLO, null).getErrors()).isEmpty();
    }

    @Test
    void allowListRefusesEveryOtherDocumentAndRegistersNothing() {
        GraphQL engine = engine(new DocumentCache(10, 10, Map.of(DocumentCache.sha256(HELLO), HELLO), true));
        assertThat(code(run(engine, OTHER, null))).isEqualTo("FORBIDDEN");
        assertThat(code(run(engine, OTHER, DocumentCache.sha256(OTHER)))).isEqualTo("FORBIDDEN");
        assertThat(code(run(engine, null, DocumentCache.sha256(OTHER)))).isEqualTo("FORBIDDEN");
        assertThat(parses).hasValue(0);
    }

    @Test
    void malformedPersistedQueryExtensionIsAValidationError() {
        GraphQL engine = engine(new DocumentCache(10, 10, Map.of(), false));
        ExecutionResult r = run(engine, null, "not-a-sha256");
        assertThat(code(r)).isEqualTo("VALIDATION");
        assertThat(r.getErrors().get(0).getExtensions()).containsEntry("field", "extensions.persistedQuery");
    }
}
