package com.onecloud.resource.user;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

@XmlRootElement(name = "user")
@XmlAccessorType(XmlAccessType.FIELD)
public class UserView {

    public String id;
    public String organizationId;
    public String firstName;
    public String lastName;
    public String email;
    public String phoneNumber;
    public long version;

    public UserView() {
    }

    static UserView of(UserEntity e) {
        UserView v = new UserView();
        v.id = e.id;
        v.organizationId = e.organizationId;
        v.firstName = e.firstName;
        v.lastName = e.lastName;
        v.email = e.email;
        v.phoneNumber = e.phoneNumber;
        v.version = e.version;
        return v;
    }
}
