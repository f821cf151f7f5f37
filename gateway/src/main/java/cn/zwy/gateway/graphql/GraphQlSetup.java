package cn.zwy.gateway.graphql;

import cn.zwy.gateway.limits.QueryLimits;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Scalars, and the one instrumentation every operation runs under: the request's observation (metric and span,
 * Spring GraphQL's) with the depth, cost and argument checks of {@link QueryLimits} before anything runs.
 */
@Configuration
public class GraphQlSetup {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE);
    }

    /**
     * Spring GraphQL's observation with the limits checked at the start of the operation, as one instrumentation
     * (Spring Boot's own observation instrumentation backs off for this bean). Without an observation registry (the
     * resolver slices) the observation is a no-op and the limits still apply.
     */
    @Bean
    GraphQlObservationInstrumentation graphQlObservationInstrumentation(ObjectProvider<ObservationRegistry> registry, QueryLimits limits) {
        return new GraphQlObservationInstrumentation(registry.getIfAvailable(() -> ObservationRegistry.NOOP)) {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                                 InstrumentationState state) {
                InstrumentationContext<ExecutionResult> observed = super.beginExecuteOperation(parameters, state);
                limits.check(parameters.getExecutionContext());
                return observed;
            }
        };
    }

    /**
     * graphql-java's ChainedInstrumentation, which Spring GraphQL puts around the instrumentations even when there is
     * only one, asks each of them at every field and collects their answers in new lists: about 3 % of the gateway's
     * CPU on a guide search (docs/benchmarks/search.md). The one instrumentation is installed directly; should a
     * second one appear, Spring GraphQL's chain stays.
     */
    @Bean
    GraphQlSourceBuilderCustomizer oneInstrumentation(List<Instrumentation> instrumentations) {
        return builder -> builder.configureGraphQl(graphQl -> {
            if (instrumentations.size() == 1) graphQl.instrumentation(instrumentations.getFirst());
        });
    }

    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar().name("DateTime")
            .description("ISO-8601 instant").coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object v, GraphQLContext ctx, Locale locale) {
                    if (v instanceof Instant i) return i.toString();
                    if (v instanceof String s) return Instant.parse(s).toString();
                    throw new CoercingSerializeException("not an instant: " + v);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext ctx, Locale locale) {
                    try { return Instant.parse(input.toString()); }
                    catch (DateTimeParseException e) { throw new CoercingParseValueException("时间格式应为 ISO-8601: " + input); }
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                    if (input instanceof StringValue s) return parseValue(s.getValue(), ctx, locale);
                    throw new CoercingParseLiteralException("时间格式应为 ISO-8601 字符串");
                }
            }).build();

    /** A calendar date (the working-day calendar, C4): China has one time zone, so no zone is needed. */
    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar().name("Date")
            .description("ISO-8601 calendar date, yyyy-MM-dd").coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object v, GraphQLContext ctx, Locale locale) {
                    if (v instanceof LocalDate d) return d.toString();
                    if (v instanceof String s) {
                        try { return LocalDate.parse(s).toString(); }
                        catch (DateTimeParseException e) { throw new CoercingSerializeException("not a date: " + v); }
                    }
                    throw new CoercingSerializeException("not a date: " + v);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext ctx, Locale locale) {
                    try { return LocalDate.parse(input.toString()); }
                    catch (DateTimeParseException e) { throw new CoercingParseValueException("日期格式应为 yyyy-MM-dd: " + input); }
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                    if (input instanceof StringValue s) {
                        try { return LocalDate.parse(s.getValue()); }
                        catch (DateTimeParseException e) { throw new CoercingParseLiteralException("日期格式应为 yyyy-MM-dd: " + s.getValue()); }
                    }
                    throw new CoercingParseLiteralException("日期格式应为 yyyy-MM-dd 字符串");
                }
            }).build();
}
