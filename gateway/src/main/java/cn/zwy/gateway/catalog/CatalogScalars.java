package cn.zwy.gateway.catalog;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/** The {@code Date} scalar of the catalog (effective dates are calendar days, not instants). */
@Configuration
public class CatalogScalars {

    @Bean
    RuntimeWiringConfigurer dateScalar() {
        return wiring -> wiring.scalar(DATE);
    }

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar().name("Date")
            .description("ISO-8601 calendar date").coercing(new Coercing<LocalDate, String>() {
                @Override
                public String serialize(Object v, GraphQLContext ctx, Locale locale) {
                    if (v instanceof LocalDate d) return d.toString();
                    if (v instanceof String s) return LocalDate.parse(s).toString();
                    throw new CoercingSerializeException("not a date: " + v);
                }

                @Override
                public LocalDate parseValue(Object input, GraphQLContext ctx, Locale locale) {
                    try { return LocalDate.parse(input.toString()); }
                    catch (DateTimeParseException e) { throw new CoercingParseValueException("日期格式应为 YYYY-MM-DD: " + input); }
                }

                @Override
                public LocalDate parseLiteral(Value<?> input, CoercedVariables vars, GraphQLContext ctx, Locale locale) {
                    if (input instanceof StringValue s) {
                        try { return LocalDate.parse(s.getValue()); }
                        catch (DateTimeParseException e) { throw new CoercingParseLiteralException("日期格式应为 YYYY-MM-DD: " + s.getValue()); }
                    }
                    throw new CoercingParseLiteralException("日期应为 YYYY-MM-DD 字符串");
                }
            }).build();
}
