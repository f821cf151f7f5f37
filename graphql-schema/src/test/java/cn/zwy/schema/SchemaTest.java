package cn.zwy.schema;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.TypeName;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Keeps the public SDL valid and Relay-conformant: the contract mobile teams generate from. */
class SchemaTest {

    private static TypeDefinitionRegistry registry() throws IOException {
        TypeDefinitionRegistry all = new TypeDefinitionRegistry();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:graphql/*.graphqls");
        assertThat(files).isNotEmpty();
        for (Resource f : files) {
            try (var in = new InputStreamReader(f.getInputStream(), StandardCharsets.UTF_8)) {
                all.merge(new SchemaParser().parse(in));
            }
        }
        return all;
    }

    @Test
    void schemaFilesFormOneValidSchema() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry());
        assertThat(schema.getQueryType().getFieldDefinition("hall")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinition("updateHall")).isNotNull();
        assertThat(schema.getQueryType().getFieldDefinition("workingDay")).isNotNull();
        assertThat(schema.getMutationType().getFieldDefinition("loadNationalCalendar")).isNotNull();
    }

    @Test
    void connectionsFollowRelay() throws IOException {
        TypeDefinitionRegistry r = registry();
        List<ObjectTypeDefinition> connections = r.getTypes(ObjectTypeDefinition.class).stream()
                .filter(t -> t.getName().endsWith("Connection")).toList();
        assertThat(connections).isNotEmpty();
        for (ObjectTypeDefinition c : connections) {
            List<String> fields = c.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
            assertThat(fields).as(c.getName()).contains("edges", "pageInfo");
            String edge = c.getName().replace("Connection", "Edge");
            ObjectTypeDefinition edgeType = r.getType(edge, ObjectTypeDefinition.class).orElseThrow();
            assertThat(edgeType.getFieldDefinitions().stream().map(FieldDefinition::getName)).as(edge).contains("cursor", "node");
        }
    }

    @Test
    void listFieldsReturningConnectionsTakeFirstAndAfter() throws IOException {
        TypeDefinitionRegistry r = registry();
        r.getTypes(ObjectTypeDefinition.class).forEach(t -> t.getFieldDefinitions().stream()
                .filter(f -> f.getType() instanceof graphql.language.NonNullType nn && nn.getType() instanceof TypeName tn
                        && tn.getName().endsWith("Connection"))
                .forEach(f -> assertThat(f.getInputValueDefinitions().stream().map(v -> v.getName()))
                        .as(t.getName() + "." + f.getName()).contains("first", "after")));
        r.objectTypeExtensions().values().stream().flatMap(List::stream).forEach(t -> t.getFieldDefinitions().stream()
                .filter(f -> f.getType() instanceof graphql.language.NonNullType nn && nn.getType() instanceof TypeName tn
                        && tn.getName().endsWith("Connection"))
                .forEach(f -> assertThat(f.getInputValueDefinitions().stream().map(v -> v.getName()))
                        .as(t.getName() + "." + f.getName()).contains("first", "after")));
    }
}
