package com.onecloud.testsupport.corpus;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Written cases that hold for any endpoint of any service, given where it is: hostile XML (external entities, entity
 * expansion, a DOCTYPE), control characters in raw bytes, bodies over the 1 MiB limit (declared and chunked) and
 * nested deeper than anyone needs, every rule of {@code Content-Type}, {@code Accept} and
 * {@code X-HTTP-Method-Override}, and what the HTTP codec refuses before a service sees the request.
 */
public final class CommonCases {

    /** How long a refusal of a hostile body may take; an expanded entity bomb would take far longer. */
    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final int LIMIT = 1024 * 1024;

    /**
     * An operation that reads a body.
     *
     * @param stringField a string field of its representation, to carry raw bytes
     * @param xmlRoot the root element of its XML representation, or null when it takes JSON only
     */
    public record BodyEndpoint(String method, String target, String auth, String stringField, String xmlRoot) {
    }

    private CommonCases() {
    }

    /** Hostile, huge, deep and broken bodies. */
    public static List<Case> hostileBodies(BodyEndpoint e) {
        List<Case> cases = new ArrayList<>();
        String f = e.stringField();
        cases.add(on(e, "JSON nested 100,000 deep in a field").json("{\"" + f + "\":" + "[".repeat(100_000))
                .expect(400).field(f).within(QUICK));
        cases.add(on(e, "a body that is 100,000 nested lists").json("[".repeat(100_000)).expect(400).field("body")
                .within(QUICK));
        cases.add(on(e, "a JSON body one byte over 1 MiB, its length declared")
                .json("{\"" + f + "\":\"" + "x".repeat(LIMIT) + "\"}").expect(413));
        cases.add(on(e, "a JSON body over 1 MiB in chunks, no length declared")
                .json("{\"" + f + "\":\"" + "x".repeat(LIMIT + 10) + "\"}").chunked().expect(413));
        cases.add(on(e, "invalid UTF-8 in a JSON string")
                .body("application/json", concat("{\"" + f + "\":\"a", new byte[] { (byte) 0xC3, 0x28 }, "\"}"))
                .expect(400));
        cases.add(on(e, "a JSON value followed by another").json("{} {}").expect(400).field("body"));
        cases.add(on(e, "a NUL written raw into JSON").body("application/json",
                concat("{\"" + f + "\":\"a", new byte[] { 0 }, "\"}")).expect(400).field(f));
        if (e.xmlRoot() == null) {
            cases.add(on(e, "XML with an external entity to an endpoint that takes JSON only")
                    .xml(xxe("<" + f + ">&xxe;</" + f + ">", "x")).expect(400).field("Content-Type"));
            return cases;
        }
        String root = e.xmlRoot();
        cases.add(on(e, "XXE: an external entity reading a local file")
                .xml(xxe("<" + root + "><" + f + ">&xxe;</" + f + "></" + root + ">", root)).acceptXml()
                .expect(400).field("body").check(r -> assertFalse(r.bodyText().contains("root:"), "file leaked")));
        cases.add(on(e, "XXE: an external DTD").xml("<?xml version=\"1.0\"?><!DOCTYPE " + root
                + " SYSTEM \"http://127.0.0.1:9/evil.dtd\"><" + root + "/>").expect(400).field("body")
                .within(QUICK));
        cases.add(on(e, "XXE: a parameter entity").xml("<?xml version=\"1.0\"?><!DOCTYPE " + root
                + " [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><" + root + "/>").expect(400).field("body"));
        cases.add(on(e, "billion laughs").xml(billionLaughs(root, f)).expect(400).field("body").within(QUICK));
        cases.add(on(e, "a harmless DOCTYPE").xml("<!DOCTYPE " + root + "><" + root + "/>").expect(400)
                .field("body"));
        cases.add(on(e, "XML nested 50,000 deep").xml("<" + root + ">" + "<a>".repeat(50_000)).expect(400)
                .within(QUICK));
        cases.add(on(e, "an XML body over 1 MiB").xml("<" + root + "><" + f + ">" + "x".repeat(LIMIT) + "</" + f
                + "></" + root + ">").expect(413).acceptXml());
        cases.add(on(e, "a NUL written raw into XML").body("application/xml",
                concat("<" + root + "><" + f + ">a", new byte[] { 0 }, "</" + f + "></" + root + ">")).expect(400)
                .field(f).acceptXml());
        cases.add(on(e, "a control byte written raw into XML").body("application/xml",
                concat("<" + root + "><" + f + ">a", new byte[] { 0x1b }, "</" + f + "></" + root + ">")).expect(400)
                .field(f));
        cases.add(on(e, "invalid UTF-8 in XML").body("application/xml",
                concat("<" + root + "><" + f + ">a", new byte[] { (byte) 0xFF, (byte) 0xFE }, "</" + f + "></" + root
                        + ">")).expect(400));
        cases.add(on(e, "XML that is not closed").xml("<" + root + "><" + f + ">x</" + f + ">").expect(400)
                .field("body"));
        cases.add(on(e, "an XML charset that does not exist")
                .body("application/xml; charset=no-such-charset", ("<" + root + "/>").getBytes(StandardCharsets.UTF_8))
                .expect(400).field("Content-Type"));
        return cases;
    }

    /** {@code Content-Type}, {@code Accept} and {@code X-HTTP-Method-Override}, each broken in the ways clients do. */
    public static List<Case> headerRules(BodyEndpoint e) {
        List<Case> cases = new ArrayList<>();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "application/jsonx", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "text/xml", "application/problem+json", "*/*")) {
            cases.add(on(e, "Content-Type " + type).body(type, body).expect(400).field("Content-Type"));
        }
        cases.add(on(e, "a body without Content-Type").body(null, body).expect(400).field("Content-Type"));
        for (String accept : List.of("text/html", "application/json;q=0", "application/xml;q=0, application/json;q=0",
                "*/*;q=0", "application/json;q=abc", "image/png, text/plain")) {
            cases.add(on(e, "Accept " + accept).header("Accept", accept).json("{}").expect(400).field("Accept"));
        }
        cases.add(on(e, "q-values choose XML for the problem")
                .header("Accept", "application/json;q=0.1, application/xml;q=0.9").json("[]").problemInXml()
                .expect(400).field("body"));
        cases.add(on(e, "a specific type beats a wildcard of the same weight")
                .header("Accept", "*/*, application/xml").json("[]").problemInXml().expect(400).field("body"));
        String override = "X-HTTP-Method-Override";
        for (String value : List.of("GET", "TRACE", "CONNECT", "HEAD", "OPTIONS", "POST", "junk", "PUT, DELETE", "")) {
            cases.add(Case.of("override to '" + value + "'").post(e.target()).auth(e.auth()).header(override, value)
                    .expect(400).field(override));
        }
        cases.add(Case.of("override given twice").post(e.target()).auth(e.auth()).header(override, "PUT")
                .header(override, "DELETE").expect(400).field(override));
        for (String method : List.of("GET", "PUT", "DELETE")) {
            cases.add(Case.of("override on a " + method).request(method, e.target()).auth(e.auth())
                    .header(override, "PUT").expect(400).field(override));
        }
        cases.add(Case.of("override to PATCH").post(e.target()).auth(e.auth()).header(override, "patch")
                .json("{}").expect(501));
        cases.add(Case.of("PATCH").request("PATCH", e.target()).auth(e.auth()).json("{}").expect(501));
        cases.add(Case.of("PATCH asking for XML").request("PATCH", e.target()).auth(e.auth()).acceptXml()
                .expect(501));
        return cases;
    }

    /** Requests the HTTP codec refuses before any service code runs: a bare 400, never a 5xx. */
    public static List<Case> codecRefusals(String target) {
        return List.of(
                Case.of("a control character in a header value").get(target).header("X-Note", "a\u0001b")
                        .refusedByCodec(),
                Case.of("a NUL in a header value").get(target).header("Accept", "application/json\u0000")
                        .refusedByCodec(),
                Case.of("a control character in the raw path").get(target + "/a\u0001b").refusedByCodec(),
                Case.of("a broken percent-encoding in the query").get(target + "?q=%zz").refusedByCodec(),
                Case.of("a broken percent-encoding in the path").get(target + "/%").refusedByCodec());
    }

    private static Case on(BodyEndpoint e, String name) {
        return Case.of(name).request(e.method(), e.target()).auth(e.auth());
    }

    private static String xxe(String element, String root) {
        return "<?xml version=\"1.0\"?><!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + element;
    }

    private static String billionLaughs(String root, String field) {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE " + root + " [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            bomb.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return bomb.append("]><").append(root).append("><").append(field).append(">&l9;</").append(field)
                .append("></").append(root).append(">").toString();
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }
}
