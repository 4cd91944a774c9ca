package com.onecloud.resource.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.onecloud.resource.common.StrictBoolean;

/**
 * Body of POST and PUT; {@code id} is ignored if sent, {@code version} is PUT's expected version. The activation flags
 * are optional: absent (or null) on POST is {@code false}; absent on PUT keeps the current value, so that a client
 * written before the flags existed cannot switch an organization's APIs off by renaming it.
 */
@XmlRootElement(name = "organization")
@XmlAccessorType(XmlAccessType.FIELD)
@Schema(description = "An organization to create, or its new state for PUT.")
public class OrganizationRequest {

    public String id;

    @NotBlank
    @Size(max = 200)
    public String name;

    @Schema(description = "Activates the Admin API for the organization's APPLICATION principals. Only `true` or "
            + "`false`. Absent on POST: `false`; absent on PUT: unchanged.")
    @JsonDeserialize(using = StrictBoolean.Json.class)
    @XmlJavaTypeAdapter(StrictBoolean.Xml.class)
    public Boolean adminApiEnabled;

    @Schema(description = "Activates the User API for the organization's USER principals. Only `true` or `false`. "
            + "Absent on POST: `false`; absent on PUT: unchanged.")
    @JsonDeserialize(using = StrictBoolean.Json.class)
    @XmlJavaTypeAdapter(StrictBoolean.Xml.class)
    public Boolean userApiEnabled;

    public Long version;
}
