package com.onecloud.resource.search;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

/** One search result: a personal contact of the caller ({@code PERSONAL}) or a user of their organization ({@code DIRECTORY}). */
@XmlRootElement(name = "hit")
@XmlAccessorType(XmlAccessType.FIELD)
public class SearchHit {

    public String type;
    public String id;
    public String firstName;
    public String lastName;
    public String email;
    public String phoneNumber;

    public SearchHit() {
    }

    SearchHit(String type, String id, String firstName, String lastName, String email, String phoneNumber) {
        this.type = type;
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phoneNumber = phoneNumber;
    }
}
