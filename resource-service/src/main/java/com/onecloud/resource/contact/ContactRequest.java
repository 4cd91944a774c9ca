package com.onecloud.resource.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

import com.onecloud.resource.common.Fields;

/** Body of POST and PUT; only {@code firstName} is required; {@code id} is ignored if sent. */
@XmlRootElement(name = "contact")
@XmlAccessorType(XmlAccessType.FIELD)
public class ContactRequest {

    public String id;

    @NotBlank
    @Size(max = 100)
    public String firstName;

    @Size(max = 100)
    public String lastName;

    @Size(max = 200)
    public String company;

    @Email
    @Size(max = 254)
    public String email;

    @Pattern(regexp = Fields.E164, message = Fields.E164_MESSAGE)
    public String phoneNumber;

    public Long version;
}
