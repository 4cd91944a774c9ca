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

    public static ContactView of(ContactEntity e) {
        ContactView v = new ContactView();
        v.id = e.id;
        v.firstName = e.firstName;
        v.lastName = e.lastName;
        v.company = e.company;
        v.email = e.email;
        v.phoneNumber = e.phoneNumber;
        v.version = e.version;
        return v;
    }
}
