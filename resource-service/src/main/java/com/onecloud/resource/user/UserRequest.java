package com.onecloud.resource.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.onecloud.resource.common.Fields;
import com.onecloud.resource.common.StrictBoolean;

/**
 * Body of POST and PUT; {@code id} and {@code organizationId} are ignored if sent (the path decides). The activation
 * flag is optional: absent (or null) on POST is {@code true}; absent on PUT keeps the current value, so that a client
 * written before the flag existed cannot switch a user's User API off by editing the user.
 */
@XmlRootElement(name = "user")
@XmlAccessorType(XmlAccessType.FIELD)
@Schema(description = "A user to create, or its new state for PUT.")
public class UserRequest {

    public String id;
    public String organizationId;

    @NotBlank
    @Size(max = 100)
    public String firstName;

    @NotBlank
    @Size(max = 100)
    public String lastName;

    @NotBlank
    @Email
    @Size(max = 254)
    public String email;

    @Pattern(regexp = Fields.E164, message = Fields.E164_MESSAGE)
    public String phoneNumber;

    @Schema(description = "Activates the User API for this user's USER principals (the organization's "
            + "`userApiEnabled` must be true too). Only `true` or `false`. Absent on POST: `true`; absent on PUT: "
            + "unchanged.")
    @JsonDeserialize(using = StrictBoolean.Json.class)
    @XmlJavaTypeAdapter(StrictBoolean.Xml.class)
    public Boolean userApiEnabled;

    public Long version;
}
