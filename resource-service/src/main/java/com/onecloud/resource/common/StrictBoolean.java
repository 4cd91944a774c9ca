package com.onecloud.resource.common;

import java.io.IOException;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * A request's boolean field reads {@code true} or {@code false} and nothing else, in JSON and XML alike; any other
 * value is the client's 400 naming the field. Left to themselves Jackson takes {@code 1}, {@code 0} and
 * {@code "true"}, and JAXB reads {@code maybe} as no value at all, which a PUT would then take as "unchanged". A JSON
 * {@code null} is no value, as for every other optional field.
 */
public final class StrictBoolean {

    private StrictBoolean() {
    }

    /** For {@code @JsonDeserialize(using = ...)}: a JSON literal {@code true} or {@code false}. */
    public static final class Json extends StdScalarDeserializer<Boolean> {

        public Json() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return switch (parser.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                // A MismatchedInputException, which the problem mapping names by its field.
                default -> (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
            };
        }
    }

    /** For {@code @XmlJavaTypeAdapter}: an element holding {@code true} or {@code false} (surrounding blanks aside). */
    public static final class Xml extends XmlAdapter<String, Boolean> {

        @Override
        public Boolean unmarshal(String value) {
            return switch (value.strip()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                // JAXB reports it, and the hardened XML reader answers 400 naming the element.
                default -> throw new IllegalArgumentException("not true or false");
            };
        }

        @Override
        public String marshal(Boolean value) {
            return value == null ? null : value.toString();
        }
    }
}
