package com.onecloud.http.conventions;

import java.io.IOException;
import java.time.temporal.TemporalAccessor;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON is read as it is written, with no guessing, in every service (the mapper of the REST layer, of auth-service's
 * decision lane, of the event consumers and of the decision client alike):
 * <ul>
 * <li>no type coercion: a number, boolean, array or object where a string is expected, a string or a fraction where
 * an integer is, a number where a boolean, an enum or a time is, are each the client's 400 naming the field;</li>
 * <li>every string holds only {@link StorableText storable text}: a NUL or another refused control character is a
 * 400 naming the field, never a 500 from the database or a response that XML cannot carry;</li>
 * <li>a field given twice, and anything after the value, make the body malformed (unknown fields are refused by
 * {@code quarkus.jackson.fail-on-unknown-properties}).</li>
 * </ul>
 * Applied last, after Quarkus's own customizers, so that no module registered later loosens it.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // the mapper-wide switch is the documented way to turn scalar coercion off
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // Scalars into a String are governed by the Textual coercions, which the switch above leaves on.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(new SimpleModule("onecloud-strict-json").setDeserializerModifier(new Strict()));
    }

    /** Wraps whichever deserializer a string or a time gets, so that the order modules are registered in is moot. */
    private static final class Strict extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new StorableString(deserializer);
            }
            if (TemporalAccessor.class.isAssignableFrom(type)) {
                return new TextualTime(deserializer);
            }
            return deserializer;
        }
    }

    /** A string token whose text is storable; anything else goes to the standard deserializer and its coercions. */
    static final class StorableString extends StdScalarDeserializer<String> {

        private final JsonDeserializer<?> standard;

        StorableString(JsonDeserializer<?> standard) {
            super(String.class);
            this.standard = standard;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) standard.deserialize(parser, context);
            }
            String text = parser.getText();
            if (!StorableText.isAllowed(text)) {
                // A string refused for a String target: the problem mapping names the field and the rule.
                throw new InvalidFormatException(parser, "refused character", text, String.class);
            }
            return text;
        }
    }

    /** Times are ISO-8601 strings (contract §4): a number is not read as seconds since the epoch. */
    static final class TextualTime extends DelegatingDeserializer {

        TextualTime(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextualTime(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
                return context.handleUnexpectedToken(handledType(), parser);
            }
            return super.deserialize(parser, context);
        }
    }
}
