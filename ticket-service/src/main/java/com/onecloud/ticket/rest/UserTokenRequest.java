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

/** The body with which a user creates a Bearer token for themself: kind and user follow from the caller. */
@XmlRootElement(name = "ticket")
@XmlAccessorType(XmlAccessType.FIELD)
public class UserTokenRequest {

    @NotBlank
    @Size(max = 200)
    public String name;

    /** A subset of the APIs of the token presenting the request (contract §3 rule 6). */
    @NotEmpty
    @XmlElementWrapper(name = "apis")
    @XmlElement(name = "api")
    public List<String> apis = new ArrayList<>();

    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    public Instant expiresAt;

    public UserTokenRequest() {
    }

    /** The draft this body asks the service to issue: no kind and no user, both follow from the caller. */
    TicketDraft draft() {
        return new TicketDraft(name, null, null, apis, expiresAt);
    }
}
