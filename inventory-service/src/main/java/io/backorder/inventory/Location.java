package io.backorder.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A warehouse or store that holds stock. */
@Entity
@Table(name = "location")
public class Location {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String region;
}
