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

/** An organization's tickets: {@link TicketPages} in the organization's {@link TicketScope}. */
@Path("/organizations/{orgId}/tickets")
@Produces(MediaType.TEXT_HTML)
public class OrganizationTicketPages {

    private final TicketPages tickets;

    OrganizationTicketPages(TicketPages tickets) {
        this.tickets = tickets;
    }

    @GET
    public TemplateInstance list(@PathParam("orgId") String orgId, @QueryParam("status") String status,
            @QueryParam("kind") String kind, @QueryParam("userId") String userId,
            @QueryParam("offset") String offset) {
        return tickets.list(TicketScope.organization(orgId), status, kind, userId, offset);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("orgId") String orgId, @RestForm String csrf, @RestForm String name,
            @RestForm String kind, @RestForm String userId, @RestForm List<String> apis, @RestForm String expiresOn) {
        return tickets.create(TicketScope.organization(orgId), csrf, name, kind, userId, TicketPages.ticked(apis),
                expiresOn);
    }

    @GET
    @Path("{id}")
    public TemplateInstance show(@PathParam("orgId") String orgId, @PathParam("id") String id) {
        return tickets.show(TicketScope.organization(orgId), id);
    }

    @POST
    @Path("{id}/rotation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rotate(@PathParam("orgId") String orgId, @PathParam("id") String id, @RestForm String csrf,
            @RestForm String graceSeconds) {
        return tickets.rotate(TicketScope.organization(orgId), id, csrf, graceSeconds);
    }

    @GET
    @Path("{id}/revoke")
    public TemplateInstance confirmRevoke(@PathParam("orgId") String orgId, @PathParam("id") String id) {
        return tickets.confirmRevoke(TicketScope.organization(orgId), id);
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("orgId") String orgId, @PathParam("id") String id, @RestForm String csrf) {
        return tickets.revoke(TicketScope.organization(orgId), id, csrf);
    }
}
