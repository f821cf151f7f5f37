package cn.zwy.gateway.graphql;

import graphql.GraphQLContext;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** Scalars and the depth limit every query runs under (its cost: cn.zwy.gateway.limits.QueryCost). */
@Configuration
public class GraphQlSetup {

    /** Deeper documents than this are refused before execution (abuse of nested connections). */
    static final int MAX_DEPTH = 10;

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(DATE);
    }

    @Bean
    MaxQueryDepthInstrumentation maxDepth() {
        return new MaxQueryDepthInstrumentation(MAX_DEPTH);
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
