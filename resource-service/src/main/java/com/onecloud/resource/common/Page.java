package com.onecloud.resource.common;

import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSeeAlso;

import com.onecloud.http.paging.PageRequest;
import com.onecloud.resource.contact.ContactView;
import com.onecloud.resource.organization.OrganizationView;
import com.onecloud.resource.search.SearchHit;
import com.onecloud.resource.user.UserView;

/**
 * A page of any representation: {@code {items, total, limit, offset}}; in XML {@code <page><items>} holds one element
 * per item, named after its representation ({@code <user>}, {@code <contact>}, ...).
 */
@XmlRootElement(name = "page")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlSeeAlso({ OrganizationView.class, UserView.class, ContactView.class, SearchHit.class })
public class Page {

    @XmlElementWrapper(name = "items")
    @XmlAnyElement(lax = true)
    public List<Object> items;

    public long total;
    public int limit;
    public int offset;

    public Page() {
    }

    public static Page of(List<?> items, long total, PageRequest request) {
        Page page = new Page();
        page.items = List.copyOf(items);
        page.total = total;
        page.limit = request.limit();
        page.offset = request.offset();
        return page;
    }
}
