package io.backorder.supplier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A company we buy from. Its id is the {@code supplier_id} claim of its bearer tokens. */
@Entity
@Table(name = "supplier")
public class Supplier {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "contact_email")
    public String contactEmail;

    /** An inactive supplier keeps its purchase orders but is not offered new ones. */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int version;
}
