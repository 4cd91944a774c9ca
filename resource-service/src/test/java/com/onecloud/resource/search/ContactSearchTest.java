package com.onecloud.resource.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.onecloud.access.Api;
import com.onecloud.access.credential.TokenFormat;
import com.onecloud.resource.support.Credentials;
import com.onecloud.resource.support.Credentials.Credential;
import com.onecloud.resource.support.Fixtures;
import com.onecloud.testsupport.AuthServiceDouble;
import com.onecloud.testsupport.EmbeddedKafkaResource;
import com.onecloud.testsupport.ResourceDatabase;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.xml.XmlPath;

/**
 * Contact search over the caller's personal contacts and their organization's directory: fragments of names, email
 * and number, case-insensitively, Unicode, and query text that is SQL or LIKE syntax matched literally.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceDouble.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(ResourceDatabase.class)
class ContactSearchTest {

    private static final String SEARCH = "/api/user/v1/contacts/search";

    /** The world is made once; each test gets a fresh credential of the same user. */
    private static String org;
    private static String searcherId;
    private static final Map<String, String> IDS = new HashMap<>();

    private Credential me;

    @AfterAll
    static void noCredentialWasLogged() {
        Credentials.assertNoneLogged();
    }

    @BeforeEach
    void world() {
        if (org == null) {
            org = Fixtures.organization("Search org");
            String otherOrg = Fixtures.organization("Search other org");
            searcherId = TokenFormat.newId();
            IDS.put("aija", Fixtures.user(org, "Äijä", "Öhman", "aija.ohman@corp.example", "+358401111111"));
            IDS.put("jose", Fixtures.user(org, "José", "García", "jose@corp.example", "+34911222333"));
            IDS.put("wang", Fixtures.user(org, "王", "小明", "wang@corp.example", null));
            IDS.put("pct", Fixtures.user(org, "Percent%", "Under_score", "pct@corp.example", null));
            IDS.put("bs", Fixtures.user(org, "Back\\slash", "O'Brien", "bs@corp.example", null));
            IDS.put("greek", Fixtures.user(org, "ΟΔΥΣΣΕΥΣ", "ΛΑΕΡΤΙΑΔΗΣ", "odysseus@ithaca.example", null));
            // Same name in another organization: never a hit.
            Fixtures.user(otherOrg, "Äijä", "Öhman", "aija@other.example", "+358401111112");
            Credential searcher = Credentials.user(org, searcherId, Api.CONTACTS);
            IDS.put("arra", contact(searcher, "Ärrä", "Personal", "Acme", "arra@private.example", "+358409999999"));
            IDS.put("sure", contact(searcher, "100%", "Sure", null, null, null));
            // Another user's personal contact in the same organization: never a hit.
            Credential neighbour = Credentials.user(org, TokenFormat.newId(), Api.CONTACTS);
            contact(neighbour, "Hidden", "Äijäsdottir", null, "hidden@private.example", "+358401111113");
            Credential outsider = Credentials.user(otherOrg, TokenFormat.newId(), Api.CONTACTS);
            contact(outsider, "Äijä", "Outsider", null, null, null);
        }
        me = Credentials.user(org, searcherId, Api.CONTACTS);
    }

    private static String contact(Credential owner, String first, String last, String company, String email,
            String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("company", company);
        body.put("email", email);
        body.put("phoneNumber", phone);
        body.values().removeIf(v -> v == null);
        return owner.spec().contentType("application/json").body(body).post("/api/user/v1/contacts").then()
                .statusCode(201).extract().path("id");
    }

    private record Hit(String type, String id) {
    }

    private List<Hit> search(String q) {
        List<Map<String, Object>> items = me.spec().accept("application/json").queryParam("q", q).get(SEARCH).then()
                .statusCode(200).extract().path("items");
        return items.stream().map(i -> new Hit((String) i.get("type"), (String) i.get("id"))).toList();
    }

    private static Hit directory(String key) {
        return new Hit("DIRECTORY", IDS.get(key));
    }

    private static Hit personal(String key) {
        return new Hit("PERSONAL", IDS.get(key));
    }

    @Test
    void namesMatchByFragmentCaseInsensitively() {
        assertThat(search("José")).containsExactly(directory("jose"));
        assertThat(search("JOSÉ")).containsExactly(directory("jose"));
        assertThat(search("garc")).containsExactly(directory("jose"));
        assertThat(search("ärrä")).containsExactly(personal("arra"));
        assertThat(search("ÄRRÄ")).containsExactly(personal("arra"));
    }

    @Test
    void unicodeMatchesAcrossCase() {
        assertThat(search("Äijä")).containsExactly(directory("aija"));
        assertThat(search("äijä")).containsExactly(directory("aija"));
        assertThat(search("ÖHM")).containsExactly(directory("aija"));
        assertThat(search("ö")).containsExactly(directory("aija"));
        assertThat(search("Ä")).containsExactlyInAnyOrder(personal("arra"), directory("aija"));
        assertThat(search("王")).containsExactly(directory("wang"));
        assertThat(search("小明")).containsExactly(directory("wang"));
        // Final sigma: Java lowercases the query to "οδυσσευς"; the database must fold the stored "ΟΔΥΣΣΕΥΣ" the same
        // way (a character-by-character lower() would give "οδυσσευσ").
        assertThat(search("Οδυσσευς")).containsExactly(directory("greek"));
        assertThat(search("ΟΔΥΣΣΕΥΣ")).containsExactly(directory("greek"));
        assertThat(search("λαερτ")).containsExactly(directory("greek"));
    }

    @Test
    void emailAndNumberFragmentsMatchPersonalAndDirectory() {
        assertThat(search("+35840")).containsExactlyInAnyOrder(personal("arra"), directory("aija"));
        assertThat(search("9999")).containsExactly(personal("arra"));
        assertThat(search("34911")).containsExactly(directory("jose"));
        assertThat(search("ARRA@PRIV")).containsExactly(personal("arra"));
        assertThat(search("corp.example")).containsExactlyInAnyOrder(directory("aija"), directory("jose"),
                directory("wang"), directory("pct"), directory("bs"));
        // Personal hits come first.
        assertThat(search("a").get(0).type()).isEqualTo("PERSONAL");
    }

    @Test
    void likeAndSqlMetacharactersMatchLiterally() {
        assertThat(search("%")).containsExactlyInAnyOrder(personal("sure"), directory("pct"));
        assertThat(search("100%")).containsExactly(personal("sure"));
        assertThat(search("_")).containsExactly(directory("pct"));
        assertThat(search("\\")).containsExactly(directory("bs"));
        assertThat(search("o'brien")).containsExactly(directory("bs"));
        assertThat(search("'")).containsExactly(directory("bs"));
        assertThat(search("'; DROP TABLE contact; --")).isEmpty();
        assertThat(search("--")).isEmpty();
        assertThat(search(";")).isEmpty();
        assertThat(search("\" OR 1=1")).isEmpty();
        // Everything is still there.
        assertThat(search("corp.example")).hasSize(5);
    }

    @Test
    void otherOrganizationsAndOtherUsersNeverMatch() {
        assertThat(search("hidden")).isEmpty();
        assertThat(search("äijäsdottir")).isEmpty();
        assertThat(search("outsider")).isEmpty();
        assertThat(search("other.example")).isEmpty();
        assertThat(search("+358401111112")).isEmpty();
    }

    @Test
    void hitsCarryTheRepresentationInJsonAndXml() {
        me.spec().accept("application/json").queryParam("q", "josé").get(SEARCH).then().statusCode(200)
                .body("total", equalTo(1)).body("limit", equalTo(50)).body("offset", equalTo(0))
                .body("items[0].type", equalTo("DIRECTORY")).body("items[0].firstName", equalTo("José"))
                .body("items[0].lastName", equalTo("García")).body("items[0].email", equalTo("jose@corp.example"))
                .body("items[0].phoneNumber", equalTo("+34911222333"));
        XmlPath xml = new XmlPath(me.spec().accept("application/xml").queryParam("q", "+35840").get(SEARCH).then()
                .statusCode(200).extract().asString());
        assertThat(xml.getList("page.items.hit.type")).containsExactly("PERSONAL", "DIRECTORY");
        assertThat(xml.getList("page.items.hit.firstName")).containsExactly("Ärrä", "Äijä");
        assertThat(xml.getInt("page.total")).isEqualTo(2);
    }

    @Test
    void searchIsPaged() {
        me.spec().queryParam("q", "corp.example").queryParam("limit", 2).queryParam("offset", 1).get(SEARCH).then()
                .statusCode(200).body("total", equalTo(5)).body("limit", equalTo(2)).body("offset", equalTo(1))
                .body("items.size()", equalTo(2));
        // A page past the last hit carries the total as well.
        me.spec().queryParam("q", "corp.example").queryParam("offset", 7).get(SEARCH).then()
                .statusCode(200).body("total", equalTo(5)).body("items.size()", equalTo(0));
        me.spec().accept("application/json").queryParam("q", "a").queryParam("limit", 0).get(SEARCH).then()
                .statusCode(400).body("validationResult.field", hasItem("limit"));
    }

    @Test
    void missingOrBlankQueryIs400() {
        me.spec().accept("application/json").get(SEARCH).then().statusCode(400)
                .body("validationResult.field", hasItem("q"));
        me.spec().accept("application/json").queryParam("q", "   ").get(SEARCH).then().statusCode(400)
                .body("validationResult.field", hasItem("q"));
        me.spec().accept("application/json").queryParam("q", "").get(SEARCH).then().statusCode(400)
                .body("validationResult.field", hasItem("q"));
    }

    @Test
    void resultsAreOrderedPersonalFirst() {
        List<Hit> hits = search("+35840");
        assertThat(hits).extracting(Hit::type, Hit::id)
                .containsExactly(tuple("PERSONAL", IDS.get("arra")), tuple("DIRECTORY", IDS.get("aija")));
    }
}
