package com.onecloud.console.live;

import java.time.Clock;
import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.onecloud.console.api.ApiClient.Service;
import com.onecloud.console.config.ConsoleConfig;
import com.onecloud.console.session.CurrentSession;
import com.onecloud.console.session.Session;

import static com.onecloud.console.api.ApiClient.segment;

import io.smallrye.mutiny.Multi;

/**
 * The lists' live updates (console.js opens them): each relays the subscription of the collection its page lists. The
 * platform offers none for SUPERUSER tickets, so that list has none either. A relay is not the person's activity: it
 * does not put off the idle sign-out, and it ends when that is due.
 */
@Path(LivePages.PATH)
@Produces(MediaType.SERVER_SENT_EVENTS)
public class LivePages {

    public static final String PATH = "/live";

    private final LiveRelay relay;
    private final CurrentSession session;
    private final ConsoleConfig config;
    private final Clock clock;

    LivePages(LiveRelay relay, CurrentSession session, ConsoleConfig config, Clock clock) {
        this.relay = relay;
        this.session = session;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("organizations")
    public Multi<OutboundSseEvent> organizations(@Context Sse sse) {
        return relay(sse, Service.RESOURCE, "/api/admin/v1/organizations");
    }

    @GET
    @Path("organizations/{orgId}/users")
    public Multi<OutboundSseEvent> users(@PathParam("orgId") String orgId, @Context Sse sse) {
        return relay(sse, Service.RESOURCE, "/api/admin/v1/organizations/" + segment(orgId) + "/users");
    }

    @GET
    @Path("organizations/{orgId}/tickets")
    public Multi<OutboundSseEvent> tickets(@PathParam("orgId") String orgId, @Context Sse sse) {
        return relay(sse, Service.TICKET, "/api/admin/v1/organizations/" + segment(orgId) + "/tickets");
    }

    private Multi<OutboundSseEvent> relay(Sse sse, Service service, String path) {
        session.markUnattended();
        Session state = session.state();
        if (state == null || !state.signedIn()) {
            return Multi.createFrom().item(LiveSignal.UNAUTHORIZED.event(sse));
        }
        long idleEnd = state.lastSeen() + config.session().idleTimeout().toSeconds();
        Duration left = Duration.ofSeconds(Math.max(0, idleEnd - clock.instant().getEpochSecond()) + 1);
        return relay.relay(service, path, state.credential().authorization(), left, sse);
    }
}
