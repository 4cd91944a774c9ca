package com.onecloud.resource.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.onecloud.resource.contact.ContactView;
import com.onecloud.resource.organization.OrganizationView;
import com.onecloud.resource.search.SearchHit;
import com.onecloud.resource.user.UserView;

/**
 * A {@link Page} of each representation, as the OpenAPI document names it: these types only describe the items' type
 * to readers and generated clients; responses are {@link Page}s.
 */
public final class Pages {

    private static final String XML = " In XML: `<page><items>` holds one element per item, then `<total>`, `<limit>`,"
            + " `<offset>`.";

    private Pages() {
    }

    @Schema(description = "A page of organizations." + XML)
    public static final class OrganizationPage {
        public List<OrganizationView> items;
        @Schema(description = "How many there are in all.")
        public long total;
        public int limit;
        public int offset;
    }

    @Schema(description = "A page of users." + XML)
    public static final class UserPage {
        public List<UserView> items;
        @Schema(description = "How many there are in all.")
        public long total;
        public int limit;
        public int offset;
    }

    @Schema(description = "A page of personal contacts." + XML)
    public static final class ContactPage {
        public List<ContactView> items;
        @Schema(description = "How many there are in all.")
        public long total;
        public int limit;
        public int offset;
    }

    @Schema(description = "A page of search hits." + XML)
    public static final class HitPage {
        public List<SearchHit> items;
        @Schema(description = "How many there are in all.")
        public long total;
        public int limit;
        public int offset;
    }
}
