package com.onecloud.http.problem;

import java.io.ByteArrayOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Serialises a {@link Problem} to bytes. Used both inside the REST layer and by the HTTP filter that answers before
 * routing, so that every error body of every service is written by this one class.
 * <p>
 * XML follows RFC 9457 appendix B: namespace {@code urn:ietf:rfc:7807}, one {@code <i>} element per array member.
 */
public final class ProblemRenderer {

    static final String XML_NAMESPACE = "urn:ietf:rfc:7807";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private ProblemRenderer() {
    }

    public static byte[] render(Problem problem, ProblemFormat format) {
        return format == ProblemFormat.XML ? xml(problem) : json(problem);
    }

    private static byte[] json(Problem problem) {
        try {
            return JSON.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem body cannot be serialised", e);
        }
    }

    private static byte[] xml(Problem problem) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("problem");
            w.writeDefaultNamespace(XML_NAMESPACE);
            element(w, "type", problem.type());
            element(w, "title", problem.title());
            element(w, "status", Integer.toString(problem.status()));
            element(w, "detail", problem.detail());
            element(w, "instance", problem.instance());
            element(w, "logToken", problem.logToken());
            if (problem.validationResult() != null) {
                w.writeStartElement("validationResult");
                for (Violation v : problem.validationResult()) {
                    w.writeStartElement("i");
                    element(w, "field", v.field());
                    element(w, "message", v.message());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("problem body cannot be serialised", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.writeStartElement(name);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }
}
