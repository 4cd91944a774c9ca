package com.onecloud.resource.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

/** Body of POST and PUT; {@code id} is ignored if sent, {@code version} is PUT's expected version. */
@XmlRootElement(name = "organization")
@XmlAccessorType(XmlAccessType.FIELD)
public class OrganizationRequest {

    public String id;

    @NotBlank
    @Size(max = 200)
    public String name;

    public Long version;
}
