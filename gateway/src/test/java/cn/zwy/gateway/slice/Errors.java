package cn.zwy.gateway.slice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Assertions on the one error format: {@code extensions.code} and {@code extensions.field}. */
final class Errors {

    private Errors() {}

    static void expect(GraphQlTester.Response response, String code, String field) {
        response.errors().satisfy(errors -> {
            assertThat(errors).as("errors").hasSize(1);
            ResponseError e = errors.getFirst();
            assertThat(e.getExtensions().get("code")).as("code of " + e.getMessage()).isEqualTo(code);
            assertThat(e.getExtensions().get("field")).as("field of " + e.getMessage()).isEqualTo(field);
        });
    }

    static void none(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).as("errors").isEqualTo(List.of()));
    }
}
