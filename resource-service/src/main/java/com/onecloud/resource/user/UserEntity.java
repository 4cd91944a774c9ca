package com.onecloud.resource.user;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "directory_user")
public class UserEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "organization_id", nullable = false, length = 16)
    public String organizationId;

    @Column(name = "first_name", nullable = false, length = 100)
    public String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    public String lastName;

    @Column(nullable = false, length = 254)
    public String email;

    @Column(name = "phone_number", length = 16)
    public String phoneNumber;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
