package com.onecloud.http.xml;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlRootElement;

import org.glassfish.jaxb.runtime.v2.runtime.JAXBContextImpl;
import org.glassfish.jaxb.runtime.v2.runtime.MarshallerImpl;
import org.glassfish.jaxb.runtime.v2.runtime.output.UTF8XmlOutput;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Writes XML representations with the application's JAXB context, as Quarkus' own writer does, but without two costs
 * that writer pays on every response: a request-scoped {@code Marshaller} reached through the request context, and
 * escaping each text through a {@code StringWriter} (jaxb-runtime 4 passes an escape handler to its UTF-8 output, which
 * then copies every text twice). Its UTF-8 output escapes in place when given none, and escapes the same characters
 * ({@code & < >} and carriage return); the bytes are the same but for a carriage return's reference ({@code &#xD;}
 * instead of {@code &#13;}, the same character; {@code XmlBodyWriterTest}). Marshalling took about a fifth of an XML
 * list's CPU before (docs/benchmarks.md).
 */
@Provider
@Produces({ MediaType.APPLICATION_XML, MediaType.TEXT_XML })
@Priority(Priorities.USER)
public class XmlBodyWriter implements ServerMessageBodyWriter<Object> {

    private final JAXBContextImpl context;

    /** Quarkus' context (a singleton) binds every representation of the REST methods. */
    public XmlBodyWriter(JAXBContext context) {
        this.context = (JAXBContextImpl) context;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo target,
            MediaType mediaType) {
        return writes(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return writes(type);
    }

    /** A root element this context binds; anything else is left to Quarkus' writer. */
    private boolean writes(Class<?> type) {
        return type.isAnnotationPresent(XmlRootElement.class) && context.getBeanInfo(type) != null;
    }

    @Override
    public void writeResponse(Object entity, Type genericType, ServerRequestContext request) throws IOException {
        try (OutputStream out = request.getOrCreateOutputStream()) {
            write(entity, out);
        }
    }

    @Override
    public void writeTo(Object entity, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        write(entity, out);
    }

    void write(Object entity, OutputStream out) throws IOException {
        try {
            MarshallerImpl marshaller = (MarshallerImpl) context.createMarshaller();
            marshaller.marshal(entity, new UTF8XmlOutput(out, context.getUTF8NameTable(), null));
        } catch (JAXBException e) {
            throw new IOException("the representation cannot be written as XML", e);
        }
    }
}
