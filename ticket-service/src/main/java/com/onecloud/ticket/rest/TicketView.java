package com.onecloud.ticket.rest;

import java.time.Instant;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.onecloud.ticket.repository.TicketEntity;
import com.onecloud.ticket.service.IssuedTicket;

/**
 * The ticket representation (contract §4). {@code token} and {@code secret} are set only in the response that
 * creates or rotates them; absent fields are left out in JSON and XML alike.
 */
@XmlRootElement(name = "ticket")
@XmlAccessorType(XmlAccessType.FIELD)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TicketView {

    public String id;
    public String name;
    public String kind;
    public String organizationId;
    public String userId;

    @XmlElementWrapper(name = "apis")
    @XmlElement(name = "api")
    public List<String> apis;

    public String status;

    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    public Instant createdAt;

    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    public Instant expiresAt;

    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    public Instant revokedAt;

    /** The last allowed request, at most 60 s stale; null if never used. */
    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    public Instant lastUsedAt;

    public String token;
    public String secret;

    public TicketView() {
    }

    public static TicketView of(TicketEntity ticket, Instant now) {
        TicketView view = new TicketView();
        view.id = ticket.id;
        view.name = ticket.name;
        view.kind = ticket.kind;
        view.organizationId = ticket.organizationId;
        view.userId = ticket.userId;
        view.apis = ticket.apiNames();
        view.status = ticket.status(now).name();
        view.createdAt = ticket.createdAt;
        view.expiresAt = ticket.expiresAt;
        view.revokedAt = ticket.revokedAt;
        view.lastUsedAt = ticket.lastUsedAt;
        return view;
    }

    /** The one representation that carries the credential in clear. */
    public static TicketView issued(IssuedTicket issued, Instant now) {
        TicketView view = of(issued.ticket(), now);
        view.token = issued.token();
        view.secret = issued.secret();
        return view;
    }

    /** Never print the credential. */
    @Override
    public String toString() {
        return "TicketView[" + id + "]";
    }
}
