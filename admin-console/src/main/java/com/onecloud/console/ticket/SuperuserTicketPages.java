package com.onecloud.console.ticket;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.TemplateInstance;

/** The platform's SUPERUSER tickets: {@link TicketPages} in the platform's {@link TicketScope}. */
@Path("/superuser-tickets")
@Produces(MediaType.TEXT_HTML)
public class SuperuserTicketPages {

    private final TicketPages tickets;

    SuperuserTicketPages(TicketPages tickets) {
        this.tickets = tickets;
    }

    @GET
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("offset") String offset) {
        return tickets.list(TicketScope.platform(), status, null, null, offset);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String csrf, @RestForm String name, @RestForm List<String> apis,
            @RestForm String expiresOn) {
        return tickets.create(TicketScope.platform(), csrf, name, null, null, TicketPages.ticked(apis), expiresOn);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("id") String id) {
        return tickets.show(TicketScope.platform(), id);
    }

    @POST
    @Path("{id}/rotation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("id") String id, @RestForm String csrf, @RestForm String graceSeconds) {
        return tickets.rotate(TicketScope.platform(), id, csrf, graceSeconds);
    }

    @GET
    @Path("{id}/revoke")
    public TemplateInstance confirmRevoke(@PathParam("id") String id) {
        return tickets.confirmRevoke(TicketScope.platform(), id);
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id, @RestForm String csrf) {
        return tickets.revoke(TicketScope.platform(), id, csrf);
    }
}
