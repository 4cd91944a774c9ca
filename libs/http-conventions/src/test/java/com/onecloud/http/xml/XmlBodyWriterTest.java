package com.onecloud.http.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlRootElement;

import org.junit.jupiter.api.Test;

import com.onecloud.http.conventions.Widget;

class XmlBodyWriterTest {

    private static final Annotation[] NONE = {};

    private final JAXBContext context = JAXBContext.newInstance(Widget.class);

    XmlBodyWriterTest() throws JAXBException {
    }

    @Test
    void writesTheBytesJaxbsOwnMarshallerWritesButForTheCarriageReturnsReference() throws Exception {
        Widget widget = new Widget("a & b < c > d");
        widget.email = "\"quoted\" 'single' ]]> tab\tcr\rlf\n";
        widget.tags = List.of("Müller", "€ 12", "emoji 😀", "<tag/>", "&amp;", "");

        String written = written(widget);

        assertThat(written).isEqualTo(marshalled(widget).replace("&#13;", "&#xD;"));
        assertThat(written).contains("<name>a &amp; b &lt; c &gt; d</name>", "cr&#xD;lf\n", "<tag>emoji 😀</tag>",
                "<tag>&amp;amp;</tag>");
    }

    @Test
    void leavesOutWhatIsNull() throws Exception {
        Widget widget = new Widget(null);

        assertThat(written(widget)).isEqualTo(marshalled(widget))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><widget><tags/></widget>");
    }

    @Test
    void writesOnlyRootElementsItsContextBinds() {
        XmlBodyWriter writer = new XmlBodyWriter(context);

        assertThat(writer.isWriteable(Widget.class, Widget.class, NONE, null)).isTrue();
        assertThat(writer.isWriteable(String.class, String.class, NONE, null)).isFalse();
        assertThat(writer.isWriteable(Unbound.class, Unbound.class, NONE, null)).isFalse();
    }

    private String written(Widget widget) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XmlBodyWriter(context).write(widget, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String marshalled(Widget widget) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        context.createMarshaller().marshal(widget, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @XmlRootElement(name = "unbound")
    static class Unbound {
    }
}
