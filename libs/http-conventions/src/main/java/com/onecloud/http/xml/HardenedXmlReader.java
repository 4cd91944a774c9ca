package com.onecloud.http.xml;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
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

import com.onecloud.http.conventions.StorableText;
import com.onecloud.http.problem.InvalidInput;

/**
 * Reads XML request bodies with DTDs and external entities switched off, and refuses any document that carries a
 * DOCTYPE at all: OneCloud representations never need one, and refusing it stops XXE and entity-expansion bombs
 * before a single entity is declared. Unknown elements are errors, as unknown JSON fields are, and so are attributes
 * (no representation has one) and a root element other than the representation's; so is a value that does not convert
 * to its field's type (e.g. {@code <enabled>maybe</enabled>} for a strict boolean), named by its element. Text holds
 * only {@link StorableText storable text}: XML 1.0's parser refuses the other characters itself, and a document that
 * declares XML 1.1 (which allows {@code &#1;}) is held to the same rule here. An error inside a field's element names
 * that element.
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
        if (!isSupported(charset)) {
            throw InvalidInput.of("Content-Type", "The charset of the body is not supported; use UTF-8.");
        }
        AtomicReference<String> unexpected = new AtomicReference<>();
        AtomicReference<String> unconvertible = new AtomicReference<>();
        NoDoctypeReader reader = null;
        try {
            reader = new NoDoctypeReader(FACTORY.createXMLStreamReader(body, charset), rootName(type));
            NoDoctypeReader events = reader;
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
                    unconvertible.compareAndSet(null, events.lastStarted);
                }
                return false;
            });
            return unmarshaller.unmarshal(reader, type).getValue();
        } catch (XMLStreamException | JAXBException e) {
            throw invalid(reader == null ? null : reader.refusal, unexpected.get(), unconvertible.get(),
                    reader == null ? null : reader.malformedIn);
        }
    }

    private static InvalidInput invalid(InvalidInput refusal, String unexpected, String unconvertible,
            String malformedIn) {
        if (refusal != null) {
            return refusal;
        }
        if (unexpected != null) {
            return InvalidInput.of(unexpected, "Unknown element '" + unexpected + "'.");
        }
        if (unconvertible != null) {
            return InvalidInput.of(unconvertible,
                    "Element '" + unconvertible + "' has a value of the wrong type or format.");
        }
        if (malformedIn != null) {
            return InvalidInput.of(malformedIn, "The body is not well-formed XML inside element '" + malformedIn
                    + "' (a character that is not allowed, an undeclared entity or a broken tag).");
        }
        return InvalidInput.of("body", "The body is not well-formed XML of the expected shape.");
    }

    private static boolean isSupported(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /** The name the representation's root element must have: its {@code @XmlRootElement} name. */
    private static String rootName(Class<?> type) {
        String name = type.getAnnotation(XmlRootElement.class).name();
        if (!"##default".equals(name)) {
            return name;
        }
        String simple = type.getSimpleName();
        return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
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

        private final String rootName;
        /** The elements open at this point of the document, innermost first. */
        private final Deque<String> open = new ArrayDeque<>();
        /** The local name of the element last started, to name the field whose value failed to convert. */
        private String lastStarted;
        /** Why this reader refused the document, when it was this reader rather than the parser or JAXB. */
        private InvalidInput refusal;
        /** The field element inside which the parser found the document malformed. */
        private String malformedIn;

        NoDoctypeReader(XMLStreamReader reader, String rootName) {
            super(reader);
            this.rootName = rootName;
        }

        @Override
        public int next() throws XMLStreamException {
            int event;
            try {
                event = super.next();
            } catch (XMLStreamException e) {
                malformedIn = field();
                throw e;
            }
            switch (event) {
                case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE declarations are not allowed");
                case XMLStreamConstants.START_ELEMENT -> started();
                case XMLStreamConstants.END_ELEMENT -> open.poll();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!StorableText.isAllowed(getText())) {
                        String field = field();
                        refuse(field == null ? InvalidInput.of("body", "The body " + StorableText.REFUSED + ".")
                                : InvalidInput.of(field, "Element '" + field + "' " + StorableText.REFUSED + "."));
                    }
                }
                default -> {
                }
            }
            return event;
        }

        private void started() throws XMLStreamException {
            String name = getLocalName();
            if (open.isEmpty() && !name.equals(rootName)) {
                refuse(InvalidInput.of("body", "The root element must be '" + rootName + "'."));
            }
            if (getAttributeCount() > 0) {
                String attribute = getAttributeLocalName(0);
                refuse(InvalidInput.of(attribute,
                        "Unknown attribute '" + attribute + "' on element '" + name + "'."));
            }
            open.push(name);
            lastStarted = name;
        }

        private void refuse(InvalidInput why) throws XMLStreamException {
            refusal = why;
            throw new XMLStreamException(why.getMessage());
        }

        /** The innermost open element below the root, which is a field of the representation; null at the root. */
        private String field() {
            return open.size() >= 2 ? open.peek() : null;
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
