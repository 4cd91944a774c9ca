package com.onecloud.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.onecloud.client.auth.api.DecisionsApi;
import com.onecloud.client.auth.model.Api;
import com.onecloud.client.auth.model.Audience;
import com.onecloud.client.auth.model.DecisionRequest;
import com.onecloud.client.auth.model.Outcome;
import com.onecloud.client.resource.api.ContactSearchApi;
import com.onecloud.client.resource.api.ContactsApi;
import com.onecloud.client.resource.api.OrganizationsApi;
import com.onecloud.client.resource.api.UsersApi;
import com.onecloud.client.resource.auth.ApiKeyAuth;
import com.onecloud.client.resource.auth.HttpBearerAuth;
import com.onecloud.client.resource.model.ContactPage;
import com.onecloud.client.resource.model.ContactRequest;
import com.onecloud.client.resource.model.ContactView;
import com.onecloud.client.resource.model.HitPage;
import com.onecloud.client.resource.model.OrganizationRequest;
import com.onecloud.client.resource.model.OrganizationView;
import com.onecloud.client.resource.model.SearchHit;
import com.onecloud.client.resource.model.UserRequest;
import com.onecloud.client.resource.model.UserView;
import com.onecloud.client.ticket.api.TicketsApi;
import com.onecloud.client.ticket.model.TicketRequest;
import com.onecloud.client.ticket.model.TicketView;
import com.onecloud.platform.Platform;

/**
 * The README walkthrough through the Java clients generated from the services' OpenAPI documents ({@code tests/clients})
 * and nothing else: the superuser creates an organization and an APPLICATION ticket; the application adds users and
 * issues a USER token; the user keeps a contact, searches, lists the contacts in XML; the application revokes the token.
 * <p>
 * Every credential is set in the generated client's own authentication, under the scheme names of the documents
 * ({@code ticket}, {@code bearer}, {@code queryToken}), and the client applies to each call only the schemes its
 * operation declares. So a client holding an APPLICATION ticket and a USER token at once sends the ticket to the Admin
 * API and the token to the User API, one credential per request (two would be a 400, the wrong one a 403): the
 * documents' security requirements are what the services accept.
 */
@Order(7)
class GeneratedClientsIT {

    @Test
    void theWalkthroughThroughGeneratedClientsOnly() throws Exception {
        Platform platform = Clients.platform();
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        // The superuser (the bootstrap SUPERUSER ticket, HTTP basic) creates an organization with both APIs on...
        var superuserResource = resourceClient(platform);
        ticket(superuserResource, platform.bootstrapToken(), platform.bootstrapSecret());
        OrganizationView org = new OrganizationsApi(superuserResource).createOrganization(new OrganizationRequest()
                .name("Generated " + suffix).adminApiEnabled(true).userApiEnabled(true));
        assertThat(org.getAdminApiEnabled()).isTrue();
        // ...which every service acts on once ticket-service has announced it (within a second).
        Events.await(Events.TICKET_EVENTS, event -> Events.ACTIVATION_CHANGED.equals(event.path("type").asText())
                && org.getId().equals(event.path("subject").asText()), Duration.ofSeconds(30));

        // ...and an APPLICATION ticket for it: token and secret, returned once.
        var superuserTickets = ticketClient(platform);
        ticket(superuserTickets, platform.bootstrapToken(), platform.bootstrapSecret());
        TicketView crm = new TicketsApi(superuserTickets).createTicket(org.getId(), new TicketRequest().name("crm")
                .kind("APPLICATION").apis(List.of("USERS", "TICKETS")));
        issued(crm.getToken(), crm.getSecret());
        assertThat(crm.getSecret()).isNotBlank();

        // The application adds two users and issues a USER token for Alice.
        var resource = resourceClient(platform);
        ticket(resource, crm.getToken(), crm.getSecret());
        UsersApi users = new UsersApi(resource);
        UserView alice = users.createUser(org.getId(), new UserRequest().firstName("Alice").lastName("Andersson")
                .email("alice." + suffix + "@example.com"));
        users.createUser(org.getId(), new UserRequest().firstName("Bob").lastName("Berg")
                .email("bob." + suffix + "@example.com"));
        var applicationTickets = ticketClient(platform);
        ticket(applicationTickets, crm.getToken(), crm.getSecret());
        TicketsApi tickets = new TicketsApi(applicationTickets);
        TicketView token = tickets.createTicket(org.getId(), new TicketRequest().name("alice-phone").kind("USER")
                .userId(alice.getId()).apis(List.of("CONTACTS")));
        issued(token.getToken());

        // The same resource-service client now holds the ticket and Alice's token: each call sends what its
        // operation accepts, the token to the User API, the ticket to the Admin API.
        ((HttpBearerAuth) resource.getAuthentication("bearer")).setBearerToken(token.getToken());
        ContactsApi contacts = new ContactsApi(resource);
        ContactView carol = contacts.createContact(new ContactRequest().firstName("Carol").lastName("Carlsson")
                .company("Acme").phoneNumber("+358401234567"));
        assertThat(carol.getFirstName()).isEqualTo("Carol");
        assertThat(users.listUsers(org.getId(), null, null, null).getTotal()).isEqualTo(2L);

        // Search: a personal contact and a directory user.
        ContactSearchApi search = new ContactSearchApi(resource);
        HitPage personal = search.searchContacts("carl", null, null);
        assertThat(personal.getItems()).extracting(SearchHit::getType).contains("PERSONAL");
        HitPage directory = search.searchContacts("BERG", null, null);
        assertThat(directory.getItems()).extracting(SearchHit::getType, SearchHit::getFirstName)
                .contains(tuple("DIRECTORY", "Bob"));

        // The contacts in XML: the same generated API, its client asking for and reading application/xml.
        var xml = new XmlResourceClient();
        xml.setBasePath(platform.resourceUrl());
        ((HttpBearerAuth) xml.getAuthentication("bearer")).setBearerToken(token.getToken());
        ContactPage page = new ContactsApi(xml).listContacts(null, null);
        assertThat(xml.lastContentType).startsWith("application/xml");
        assertThat(xml.lastBody).contains("<page>").contains("<contact>");
        assertThat(page.getTotal()).isEqualTo(1L);
        assertThat(page.getItems()).extracting(ContactView::getFirstName).containsExactly("Carol");

        // The token as query parameter t, the User API's other scheme.
        var query = resourceClient(platform);
        ((ApiKeyAuth) query.getAuthentication("queryToken")).setApiKey(token.getToken());
        assertThat(new ContactsApi(query).listContacts(null, null).getTotal()).isEqualTo(1L);

        // A client with only the ticket sends nothing to the User API, which accepts no ticket: 401, not 403.
        var ticketOnly = resourceClient(platform);
        ticket(ticketOnly, crm.getToken(), crm.getSecret());
        assertThatThrownBy(() -> new ContactsApi(ticketOnly).listContacts(null, null))
                .isInstanceOfSatisfying(com.onecloud.client.resource.ApiException.class,
                        e -> assertThat(e.getCode()).isEqualTo(401));

        // auth-service's decision API takes no credential (security: []): the token is good.
        var auth = new com.onecloud.client.auth.ApiClient();
        auth.setBasePath(platform.authUrl());
        DecisionsApi decisions = new DecisionsApi(auth);
        DecisionRequest ask = new DecisionRequest().authorization("Bearer " + token.getToken())
                .audience(Audience.USER_API).api(Api.CONTACTS);
        assertThat(decisions.decide(ask).getOutcome()).isEqualTo(Outcome.ALLOW);

        // The application revokes Alice's token: every service refuses it within a second.
        tickets.revokeTicket(org.getId(), token.getId());
        long revoked = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).until(() -> {
            try {
                contacts.listContacts(null, null);
                return false;
            } catch (com.onecloud.client.resource.ApiException e) {
                return e.getCode() == 401;
            }
        });
        // Each service hears the revocation on its own: auth-service within the same second, not necessarily first.
        Duration left = Duration.ofSeconds(1).minusNanos(System.nanoTime() - revoked);
        Awaitility.await().atMost(left.isNegative() ? Duration.ofMillis(1) : left).pollInterval(Duration.ofMillis(20))
                .until(() -> decisions.decide(ask).getOutcome() == Outcome.UNAUTHENTICATED);
        assertThat(tickets.getTicket(org.getId(), token.getId()).getStatus()).isEqualTo("REVOKED");
        assertThat(users.getUser(org.getId(), alice.getId()).getFirstName()).isEqualTo("Alice");
    }

    private static com.onecloud.client.resource.ApiClient resourceClient(Platform platform) {
        var client = new com.onecloud.client.resource.ApiClient();
        client.setBasePath(platform.resourceUrl());
        return client;
    }

    private static com.onecloud.client.ticket.ApiClient ticketClient(Platform platform) {
        var client = new com.onecloud.client.ticket.ApiClient();
        client.setBasePath(platform.ticketUrl());
        return client;
    }

    /** The {@code ticket} scheme (HTTP basic): an APPLICATION or SUPERUSER ticket's token and secret. */
    private static void ticket(com.onecloud.client.resource.ApiClient client, String token, String secret) {
        var basic = (com.onecloud.client.resource.auth.HttpBasicAuth) client.getAuthentication("ticket");
        basic.setUsername(token);
        basic.setPassword(secret);
    }

    private static void ticket(com.onecloud.client.ticket.ApiClient client, String token, String secret) {
        var basic = (com.onecloud.client.ticket.auth.HttpBasicAuth) client.getAuthentication("ticket");
        basic.setUsername(token);
        basic.setPassword(secret);
    }

    private static void issued(String... credentials) {
        Clients.ISSUED.addAll(List.of(credentials));
    }

    /**
     * The generated resource-service client asking for and reading XML: the generated client prefers JSON and reads
     * only JSON, so this one overrides the two methods it offers for that (which Accept to send, how to read a body)
     * and reads XML with Jackson's XML mapper into the same generated models.
     */
    private static final class XmlResourceClient extends com.onecloud.client.resource.ApiClient {

        private final XmlMapper xml = (XmlMapper) new XmlMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .registerModule(new JavaTimeModule());
        String lastContentType;
        String lastBody;

        @Override
        public String selectHeaderAccept(String[] accepts) {
            return List.of(accepts).contains("application/xml") ? "application/xml" : super.selectHeaderAccept(accepts);
        }

        @Override
        public <T> T deserialize(CloseableHttpResponse response, TypeReference<T> valueType)
                throws com.onecloud.client.resource.ApiException, IOException, ParseException {
            lastContentType = response.getEntity() == null ? null : response.getEntity().getContentType();
            if (lastContentType == null || !lastContentType.startsWith("application/xml")) {
                return super.deserialize(response, valueType);
            }
            lastBody = EntityUtils.toString(response.getEntity());
            return xml.readValue(lastBody, valueType);
        }
    }
}
