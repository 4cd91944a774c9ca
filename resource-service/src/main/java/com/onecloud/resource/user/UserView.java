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

    static UserView of(DirectoryUser u) {
        UserView v = new UserView();
        v.id = u.id();
        v.organizationId = u.organizationId();
        v.firstName = u.firstName();
        v.lastName = u.lastName();
        v.email = u.email();
        v.phoneNumber = u.phoneNumber();
        v.version = u.version();
        return v;
    }
}
