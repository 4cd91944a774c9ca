package com.onecloud.resource.user;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@XmlRootElement(name = "user")
@XmlAccessorType(XmlAccessType.FIELD)
@Schema(description = "A person in an organization's directory.")
public class UserView {

    public String id;
    public String organizationId;
    public String firstName;
    public String lastName;
    public String email;
    public String phoneNumber;
    @Schema(description = "Whether the user's own USER principals may use the User API; while false, or while the "
            + "organization's `userApiEnabled` is false, they get 403 there.")
    public boolean userApiEnabled;
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
        v.userApiEnabled = u.userApiEnabled();
        v.version = u.version();
        return v;
    }
}
