package com.onecloud.ticket.rest;

import java.time.Instant;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;

import com.onecloud.ticket.repository.TicketPageResult;

/** A page of tickets: {@code <page><items><ticket/>…</items><total/><limit/><offset/></page>} in XML. */
@XmlRootElement(name = "page")
@XmlAccessorType(XmlAccessType.FIELD)
public class TicketPage {

    @XmlElementWrapper(name = "items")
    @XmlElement(name = "ticket")
    public List<TicketView> items;

    public long total;
    public int limit;
    public int offset;

    public TicketPage() {
    }

    public static TicketPage of(TicketPageResult result, Instant now) {
        TicketPage page = new TicketPage();
        page.items = result.items().stream().map(t -> TicketView.of(t, now)).toList();
        page.total = result.total();
        page.limit = result.limit();
        page.offset = result.offset();
        return page;
    }
}
