package com.onecloud.http.conventions;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;

/** A representation used only to exercise the shared conventions. */
@XmlRootElement(name = "widget")
@XmlAccessorType(XmlAccessType.FIELD)
public class Widget {

    @NotBlank
    @Size(max = 20)
    public String name;

    @Email
    public String email;

    public Integer quantity;

    @XmlElementWrapper(name = "tags")
    @XmlElement(name = "tag")
    public List<String> tags = new ArrayList<>();

    public Widget() {
    }

    public Widget(String name) {
        this.name = name;
    }
}
