package com.onecloud.ticket.audit;

import java.time.Instant;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.onecloud.audit.AuditTable;
import com.onecloud.ticket.rest.InstantXmlAdapter;

/**
 * An audit entry (contract §4). In XML its element is {@code <auditEntry>}; {@code changes} holds one
 * {@code <change>} per field name. {@code organizationId}, {@code actor.organizationId}, {@code sourceAddress} and
 * {@code reason} are left out where they have no value (the platform's own entries, a SYSTEM actor, actions other than
 * a revocation).
 */
@XmlRootElement(name = "auditEntry")
@XmlAccessorType(XmlAccessType.FIELD)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuditEntryView {

    public String id;

    @XmlJavaTypeAdapter(InstantXmlAdapter.class)
    public Instant time;

    public String action;
    public String organizationId;
    public Actor actor;
    public Target target;
    public String sourceAddress;

    @XmlElementWrapper(name = "changes")
    @XmlElement(name = "change")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public List<String> changes;

    /** Why a ticket was revoked: REVOKED, ROTATION_GRACE_ENDED, USER_DELETED, ORGANIZATION_DELETED, BOOTSTRAP_REPLACED. */
    public String reason;

    public AuditEntryView() {
    }

    /** Who made the change: kind USER, APPLICATION, SUPERUSER or SYSTEM; id a ticket id, an OIDC subject or a service. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Actor {
        public String kind;
        public String id;
        public String organizationId;
    }

    /** What was changed: type ticket, organization or user, and its id. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Target {
        public String type;
        public String id;
    }

    public static AuditEntryView of(AuditEntryEntity row) {
        AuditEntryView view = new AuditEntryView();
        view.id = row.id;
        view.time = row.recordedAt;
        view.action = row.action;
        view.organizationId = row.organizationId;
        view.actor = new Actor();
        view.actor.kind = row.actorKind;
        view.actor.id = row.actorId;
        view.actor.organizationId = row.actorOrganizationId;
        view.target = new Target();
        view.target.type = row.targetType;
        view.target.id = row.targetId;
        view.sourceAddress = row.sourceAddress;
        view.changes = AuditTable.split(row.changes);
        view.reason = row.reason;
        return view;
    }
}
