package com.onecloud.resource.contact;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "contact")
public class ContactEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false, length = 16)
    public String organizationId;

    @Column(name = "owner_user_id", nullable = false, length = 64)
    public String ownerUserId;

    @Column(name = "first_name", nullable = false, length = 100)
    public String firstName;

    @Column(name = "last_name", length = 100)
    public String lastName;

    @Column(length = 200)
    public String company;

    @Column(length = 254)
    public String email;

    @Column(name = "phone_number", length = 16)
    public String phoneNumber;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
