package com.onecloud.ticket.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import com.onecloud.ticket.service.TicketDraft;

/**
 * The body that creates a ticket (contract §4). {@code kind} and {@code apis} are names, checked by the service so
 * that an unknown value is reported the same way in JSON and XML.
 */
@XmlRootElement(name = "ticket")
@XmlAccessorType(XmlAccessType.FIELD)
public class TicketRequest {

    @NotBlank
    @Size(max = 200)
    public String name;

    /** {@code APPLICATION} or {@code USER} under an organization; {@code SUPERUSER} (or absent) at the platform. */
    public String kind;

    /** The user of a USER ticket; absent otherwise. */
    @Size(max = 64)
    public String userId;

    @NotEmpty
    @XmlElementWrapper(name = "apis")
    @XmlElement(name = "api")
    public List<String> apis = new ArrayList<>();

    /** Optional; in the future and at most the maximum validity (365 days) away. Default: the maximum. */
    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    public Instant expiresAt;

    public TicketRequest() {
    }

    /** The draft this body asks the service to issue. */
    TicketDraft draft() {
        return new TicketDraft(name, kind, userId, apis, expiresAt);
    }
}
