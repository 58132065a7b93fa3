package io.backorder.order;

import static io.backorder.order.IllegalTransitionException.require;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.backorder.contracts.notification.OfferOptionKind;

/** What a customer may choose after the promise of a line slipped too far. */
@Entity
@Table(name = "offer")
public class Offer {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private Order order;

    private int seq;

    @Column(name = "line_id", nullable = false)
    private UUID lineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OfferStatus status;

    @Column(nullable = false)
    private String reason;

    @Convert(converter = OfferOptionsConverter.class)
    private List<OfferOption> options = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "default_option")
    private OfferOptionKind defaultOption;

    @Column(name = "expires_at")
    private Instant expiresAt;

    private boolean reminded;

    @Column(name = "decision_id")
    private UUID decisionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "chosen_option")
    private OfferOptionKind chosenOption;

    @Column(name = "chosen_sku")
    private String chosenSku;

    @Column(name = "voucher_code")
    private String voucherCode;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    protected Offer() {
    }

    Offer(Order order, int seq, OrderLine line, String reason, Instant now) {
        this.id = UUID.randomUUID();
        this.order = order;
        this.seq = seq;
        this.lineId = line.id();
        this.reason = reason;
        this.status = OfferStatus.PREPARING;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID lineId() {
        return lineId;
    }

    public OfferStatus status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public List<OfferOption> options() {
        return List.copyOf(options);
    }

    public OfferOptionKind defaultOption() {
        return defaultOption;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean reminded() {
        return reminded;
    }

    public UUID decisionId() {
        return decisionId;
    }

    public OfferOptionKind chosenOption() {
        return chosenOption;
    }

    public String chosenSku() {
        return chosenSku;
    }

    public String voucherCode() {
        return voucherCode;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public boolean isOpen() {
        return status == OfferStatus.OPEN;
    }

    public Optional<OfferOption> option(OfferOptionKind kind, String alternativeSku) {
        return options.stream().filter(option -> option.matches(kind, alternativeSku)).findFirst();
    }

    public OfferOption defaultChoice() {
        return option(defaultOption, null).orElseThrow();
    }

    public void open(List<OfferOption> choices, OfferOptionKind fallback, Instant expiry) {
        require(status == OfferStatus.PREPARING, "Offer %s is %s, not being prepared", id, status);
        require(choices.stream()
                .anyMatch(option -> option.kind() == fallback && fallback != OfferOptionKind.TAKE_ALTERNATIVE),
                "Offer %s: default %s is not among its options", id, fallback);
        options = new ArrayList<>(choices);
        defaultOption = fallback;
        expiresAt = expiry;
        status = OfferStatus.OPEN;
    }

    public void remind() {
        require(status == OfferStatus.OPEN && !reminded, "Offer %s cannot be reminded (%s)", id, status);
        reminded = true;
    }

    public void accept(UUID decision, OfferOption option, Instant now) {
        require(status == OfferStatus.OPEN, "Offer %s is %s; it cannot be accepted", id, status);
        status = OfferStatus.ACCEPTED;
        decisionId = decision;
        chosenOption = option.kind();
        chosenSku = option.alternativeSku();
        closedAt = now;
    }

    public void expire(Instant now) {
        require(status == OfferStatus.OPEN, "Offer %s is %s; it cannot expire", id, status);
        status = OfferStatus.EXPIRED;
        chosenOption = defaultOption;
        closedAt = now;
    }

    public void withdraw(Instant now) {
        require(status.isActive(), "Offer %s is %s; it cannot be withdrawn", id, status);
        status = OfferStatus.WITHDRAWN;
        closedAt = now;
    }

    public void grantVoucher(String code) {
        require(status == OfferStatus.ACCEPTED || status == OfferStatus.EXPIRED,
                "Offer %s is %s; no voucher can be granted", id, status);
        voucherCode = code;
    }
}
