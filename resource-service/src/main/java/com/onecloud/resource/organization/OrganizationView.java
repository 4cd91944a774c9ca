package com.onecloud.resource.organization;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@XmlRootElement(name = "organization")
@XmlAccessorType(XmlAccessType.FIELD)
@Schema(description = "A tenant. Only SUPERUSER principals read and change organizations, their API activation "
        + "included; SUPERUSER principals are not affected by it.")
public class OrganizationView {

    public String id;
    public String name;
    @Schema(description = "Whether the organization's APPLICATION principals may use the Admin API; while false they "
            + "get 403 there.")
    public boolean adminApiEnabled;
    @Schema(description = "Whether the organization's USER principals may use the User API; while false they get 403 "
            + "there.")
    public boolean userApiEnabled;
    public long version;

    public OrganizationView() {
    }

    static OrganizationView of(Organization o) {
        OrganizationView v = new OrganizationView();
        v.id = o.id();
        v.name = o.name();
        v.adminApiEnabled = o.adminApiEnabled();
        v.userApiEnabled = o.userApiEnabled();
        v.version = o.version();
        return v;
    }
}
