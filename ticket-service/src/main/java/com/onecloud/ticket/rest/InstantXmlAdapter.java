package com.onecloud.ticket.rest;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/** ISO-8601 in XML, as in JSON: written in UTC ({@code ...Z}), read with any offset. */
public class InstantXmlAdapter extends XmlAdapter<String, Instant> {

    @Override
    public Instant unmarshal(String value) {
        return value == null || value.isBlank() ? null : OffsetDateTime.parse(value.trim()).toInstant();
    }

    @Override
    public String marshal(Instant value) {
        return value == null ? null : value.toString();
    }
}
