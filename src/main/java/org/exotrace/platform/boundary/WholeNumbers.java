package org.exotrace.platform.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * JSON-B of the API, as by default but for whole-number fields ({@code Integer}, {@code Long}): JSON-B truncated
 * {@code "vialCount": 1.5} to a lot of one vial. A number with a fraction, or out of the type's range, is now refused
 * (400 {@code MALFORMED_JSON}, "fields of the documented types"); {@code 2.0} and {@code 2} stay 2.
 */
@Provider
public class WholeNumbers implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new Ints(), new Longs()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The JSON number (or numeric string) as {@code exact} converts it, or a {@link JsonbException} when it is not whole or too large. */
    static <T> T whole(JsonParser parser, Function<BigDecimal, T> exact) {
        JsonValue value = parser.getValue();
        BigDecimal number;
        if (value instanceof JsonNumber n) {
            number = n.bigDecimalValue();
        } else if (value instanceof JsonString s) {
            try {
                number = new BigDecimal(s.getString().strip());
            } catch (NumberFormatException e) {
                throw new JsonbException("'" + s.getString() + "' is not a whole number");
            }
        } else {
            throw new JsonbException(value.getValueType() + " is not a whole number");
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw new JsonbException(number + " is not a whole number");
        }
        try {
            return exact.apply(number);
        } catch (ArithmeticException e) {
            throw new JsonbException(number + " is out of the range of a whole number", e);
        }
    }

    static final class Ints implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser, BigDecimal::intValueExact);
        }
    }

    static final class Longs implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return whole(parser, BigDecimal::longValueExact);
        }
    }
}
