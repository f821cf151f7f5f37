package cn.zwy.gateway.limits;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The real public schema (the SDL of graphql-schema), for the tests of the cost model and its cache. */
final class PublicSchema {

    private PublicSchema() {}

    static GraphQLSchema load() {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls")) {
                try (var in = new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8)) {
                    types.merge(new SchemaParser().parse(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }
}
