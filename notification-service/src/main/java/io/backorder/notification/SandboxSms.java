package io.backorder.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An SMS the sandbox provider accepted (or refused, like the real provider would), readable by operators. */
@Entity
@Table(name = "sms_sandbox_message")
public class SandboxSms {

    @Id
    public String sid;

    @Column(name = "to_number", nullable = false)
    public String to;

    @Column(name = "from_number", nullable = false)
    public String from;

    @Column(nullable = false, columnDefinition = "text")
    public String body;

    @Column(nullable = false)
    public String status;

    @Column(name = "error_code")
    public Integer errorCode;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
