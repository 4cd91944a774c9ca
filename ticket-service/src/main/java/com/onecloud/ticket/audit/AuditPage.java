package com.onecloud.ticket.audit;

import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * A page of audit entries, newest first: {@code <page><items><auditEntry/>…</items><total/><limit/><offset/></page>}
 * in XML.
 */
@XmlRootElement(name = "page")
@XmlAccessorType(XmlAccessType.FIELD)
public class AuditPage {

    @XmlElementWrapper(name = "items")
    @XmlElement(name = "auditEntry")
    public List<AuditEntryView> items;

    public long total;
    public int limit;
    public int offset;

    public AuditPage() {
    }

    public static AuditPage of(AuditRepository.PageResult result) {
        AuditPage page = new AuditPage();
        page.items = result.items().stream().map(AuditEntryView::of).toList();
        page.total = result.total();
        page.limit = result.limit();
        page.offset = result.offset();
        return page;
    }
}
