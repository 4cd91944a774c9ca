package com.onecloud.resource.contact;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

@XmlRootElement(name = "contact")
@XmlAccessorType(XmlAccessType.FIELD)
public class ContactView {

    public String id;
    public String firstName;
    public String lastName;
    public String company;
    public String email;
    public String phoneNumber;
    public long version;

    public ContactView() {
    }

    public static ContactView of(Contact c) {
        ContactView v = new ContactView();
        v.id = c.id();
        v.firstName = c.firstName();
        v.lastName = c.lastName();
        v.company = c.company();
        v.email = c.email();
        v.phoneNumber = c.phoneNumber();
        v.version = c.version();
        return v;
    }
}
