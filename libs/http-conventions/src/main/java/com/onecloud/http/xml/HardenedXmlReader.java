package com.onecloud.http.xml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.annotation.XmlRootElement;

import com.onecloud.http.problem.InvalidInput;

/**
 * Reads XML request bodies with DTDs and external entities switched off, and refuses any document that carries a
 * DOCTYPE at all: OneCloud representations never need one, and refusing it stops XXE and entity-expansion bombs
 * before a single entity is declared. Unknown elements are errors, as unknown JSON fields are; so is a value that does
 * not convert to its field's type (e.g. {@code <enabled>maybe</enabled>} for a strict boolean), named by its element.
 */
@Provider
@Consumes(MediaType.APPLICATION_XML)
@Priority(Priorities.USER)
public class HardenedXmlReader implements MessageBodyReader<Object> {

    private static final XMLInputFactory FACTORY = hardenedFactory();
    /** JAXB's message for an element the representation does not have: {@code unexpected element (uri:"", local:"x")}. */
    private static final Pattern UNEXPECTED_ELEMENT = Pattern.compile("local:\"([^\"]+)\"");
    private final Map<Class<?>, JAXBContext> contexts = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isAnnotationPresent(XmlRootElement.class);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream body) throws IOException {
        String charset = mediaType.getParameters().getOrDefault(MediaType.CHARSET_PARAMETER, "UTF-8");
        AtomicReference<String> unexpected = new AtomicReference<>();
        AtomicReference<String> unconvertible = new AtomicReference<>();
        try {
            NoDoctypeReader reader = new NoDoctypeReader(FACTORY.createXMLStreamReader(body, charset));
            Unmarshaller unmarshaller = contexts.computeIfAbsent(type, HardenedXmlReader::contextFor)
                    .createUnmarshaller();
            unmarshaller.setEventHandler(event -> {
                Matcher element = UNEXPECTED_ELEMENT.matcher(String.valueOf(event.getMessage()));
                if (element.find()) {
                    unexpected.set(element.group(1));
                } else if (event.getLinkedException() != null
                        && !(event.getLinkedException() instanceof XMLStreamException)) {
                    // A value's conversion failed (a number, a strict boolean); JAXB reads a leaf's text when its
                    // element ends, so the element last started is the one that held it.
                    unconvertible.compareAndSet(null, reader.lastStarted);
                }
                return false;
            });
            return unmarshaller.unmarshal(reader, type).getValue();
        } catch (XMLStreamException | JAXBException e) {
            throw invalid(unexpected.get(), unconvertible.get());
        }
    }

    private static InvalidInput invalid(String unexpected, String unconvertible) {
        if (unexpected != null) {
            return InvalidInput.of(unexpected, "Unknown element '" + unexpected + "'.");
        }
        if (unconvertible != null) {
            return InvalidInput.of(unconvertible,
                    "Element '" + unconvertible + "' has a value of the wrong type or format.");
        }
        return InvalidInput.of("body", "The body is not well-formed XML of the expected shape.");
    }

    private static JAXBContext contextFor(Class<?> type) {
        try {
            return JAXBContext.newInstance(type);
        } catch (JAXBException e) {
            throw new IllegalStateException("no JAXB context for " + type.getName(), e);
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        return factory;
    }

    private static final class NoDoctypeReader extends StreamReaderDelegate {

        /** The local name of the element last started, to name the field whose value failed to convert. */
        private String lastStarted;

        NoDoctypeReader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("DOCTYPE declarations are not allowed");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                lastStarted = getLocalName();
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace() || event == XMLStreamConstants.SPACE
                    || event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XMLStreamException("expected an element");
            }
            return event;
        }
    }
}
