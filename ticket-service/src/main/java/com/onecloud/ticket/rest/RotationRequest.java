package com.onecloud.ticket.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlRootElement;

/** The body of a rotation: how long the replaced credential keeps working. Absent: 3600 seconds. */
@XmlRootElement(name = "rotation")
@XmlAccessorType(XmlAccessType.FIELD)
public class RotationRequest {

    @Min(0)
    @Max(86_400)
    public Integer graceSeconds;

    public RotationRequest() {
    }
}
