package com.onecloud.resource.organization;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

@XmlRootElement(name = "organization")
@XmlAccessorType(XmlAccessType.FIELD)
public class OrganizationView {

    public String id;
    public String name;
    public long version;

    public OrganizationView() {
    }

    static OrganizationView of(Organization o) {
        OrganizationView v = new OrganizationView();
        v.id = o.id();
        v.name = o.name();
        v.version = o.version();
        return v;
    }
}
