package com.onecloud.ticket.rest;

import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;

import com.onecloud.ticket.repository.UsageRepository.DayUsage;
import com.onecloud.ticket.service.UsagePeriod;

/**
 * A ticket's usage (contract §4): one entry per UTC day with any request, {@code allowed}, {@code forbidden} (403) and
 * {@code invalid} (wrong secret, revoked, expired); days without requests are left out.
 */
@XmlRootElement(name = "usage")
@XmlAccessorType(XmlAccessType.FIELD)
public class UsageView {

    /** One UTC day's counts. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Day {
        public String date;
        public long allowed;
        public long forbidden;
        public long invalid;
    }

    public String ticketId;
    public String from;
    public String to;

    @XmlElementWrapper(name = "days")
    @XmlElement(name = "day")
    public List<Day> days;

    static UsageView of(String ticketId, UsagePeriod period, List<DayUsage> days) {
        UsageView view = new UsageView();
        view.ticketId = ticketId;
        view.from = period.from().toString();
        view.to = period.to().toString();
        view.days = days.stream().map(d -> {
            Day day = new Day();
            day.date = d.date().toString();
            day.allowed = d.allowed();
            day.forbidden = d.forbidden();
            day.invalid = d.invalid();
            return day;
        }).toList();
        return view;
    }
}
