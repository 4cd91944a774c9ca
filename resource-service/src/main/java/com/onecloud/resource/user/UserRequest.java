package com.onecloud.resource.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

import com.onecloud.resource.common.Fields;

/** Body of POST and PUT; {@code id} and {@code organizationId} are ignored if sent (the path decides). */
@XmlRootElement(name = "user")
@XmlAccessorType(XmlAccessType.FIELD)
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

    public Long version;
}
