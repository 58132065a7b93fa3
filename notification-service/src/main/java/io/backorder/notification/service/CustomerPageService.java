package io.backorder.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.notification.ApplyCustomerDecision;
import io.backorder.contracts.notification.ContactClicked;
import io.backorder.contracts.notification.LinkAction;
import io.backorder.contracts.notification.OfferSnapshot;
import io.backorder.contracts.notification.OrderSnapshot;
import io.backorder.contracts.notification.UpdatePaymentMethod;
import io.backorder.notification.Channel;
import io.backorder.notification.ContactClick;
import io.backorder.notification.CustomerDecision;
import io.backorder.notification.CustomerOrder;
import io.backorder.notification.CustomerPreference;
import io.backorder.notification.LinkToken;
import io.backorder.notification.Notification;
import io.backorder.notification.NotificationGate;
import io.backorder.notification.NotificationKind;
import io.backorder.notification.Offer;
import io.backorder.notification.OfferStatus;
import io.backorder.notification.PaymentMethodChange;
import io.backorder.notification.config.NotificationConfig;
import io.backorder.notification.content.ContentRenderer;
import io.backorder.notification.content.Formats;
import io.backorder.notification.content.Masks;
import io.backorder.notification.content.NoticeKind;
import io.backorder.notification.content.Views;
import io.backorder.notification.repository.ContactClickRepository;
import io.backorder.notification.repository.CustomerDecisionRepository;
import io.backorder.notification.repository.CustomerOrderRepository;
import io.backorder.notification.repository.CustomerPreferenceRepository;
import io.backorder.notification.repository.NotificationRepository;
import io.backorder.notification.repository.OfferRepository;
import io.backorder.notification.repository.PaymentMethodChangeRepository;
import io.backorder.support.messaging.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The customer's order page behind a link. Opening a link only reads; every change is a form post carrying a form
 * token bound to the link. A decision is reviewed, then confirmed; the confirmation uses the link for deciding once
 * and locks the offer, so parallel or repeated posts make exactly one decision.
 */
@ApplicationScoped
public class CustomerPageService {

    private static final Pattern PAYMENT_REFERENCE = Pattern.compile("[A-Za-z0-9_-]{3,64}");

    private record Link(String raw, LinkToken token, CustomerOrder order) {
    }

    /** The option a form chose, checked against the offer; or why it cannot be chosen. */
    private record Checked(NoticeKind problem, Offer offer, int index, OfferSnapshot.Option option) {

        static Checked problem(NoticeKind kind) {
            return new Checked(kind, null, -1, null);
        }
    }

    private final LinkService links;
    private final CustomerOrderRepository orders;
    private final OfferRepository offers;
    private final CustomerDecisionRepository decisions;
    private final PaymentMethodChangeRepository paymentChanges;
    private final NotificationRepository notifications;
    private final CustomerPreferenceRepository preferences;
    private final ContactClickRepository clicks;
    private final ContentRenderer renderer;
    private final SnapshotCodec json;
    private final Outbox outbox;
    private final NotificationConfig config;
    private final MeterRegistry registry;
    private final Clock clock;

    public CustomerPageService(LinkService links, CustomerOrderRepository orders, OfferRepository offers,
            CustomerDecisionRepository decisions, PaymentMethodChangeRepository paymentChanges,
            NotificationRepository notifications, CustomerPreferenceRepository preferences,
            ContactClickRepository clicks, ContentRenderer renderer, SnapshotCodec json, Outbox outbox,
            NotificationConfig config, MeterRegistry registry, Clock clock) {
        this.links = links;
        this.orders = orders;
        this.offers = offers;
        this.decisions = decisions;
        this.paymentChanges = paymentChanges;
        this.notifications = notifications;
        this.preferences = preferences;
        this.clicks = clicks;
        this.renderer = renderer;
        this.json = json;
        this.outbox = outbox;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
    }

    /** The order page; changes nothing, so a mail scanner opening the link does no harm. */
    @WithSession
    public Uni<PageResult> view(String raw, String lang, String done) {
        Instant now = clock.instant();
        return load(raw).flatMap(link -> {
            if (link == null) {
                return Uni.createFrom().item(notFound(lang));
            }
            Locale locale = locale(lang, link.order());
            if (link.token().isExpiredAt(now)) {
                return Uni.createFrom().item(expired(link, locale, now));
            }
            return orderPage(link, locale, now, done);
        });
    }

    /** The confirmation step of a decision: shows what the chosen option means, changes nothing. */
    @WithSession
    public Uni<PageResult> review(String raw, PageForm form) {
        Instant now = clock.instant();
        return withForm(raw, form, LinkAction.DECIDE_OFFER, now, (link, locale) -> {
            UUID offerId = uuid(form.offer());
            if (offerId == null) {
                return Uni.createFrom().item(problem(NoticeKind.INVALID_INPUT, link, locale, now));
            }
            return offers.findById(offerId).flatMap(offer -> check(link, form, offer, now)).map(checked -> {
                if (checked.problem() != null) {
                    return problem(checked.problem(), link, locale, now);
                }
                Formats formats = renderer.formats(locale);
                Views.Offer offer = offerView(checked.offer(), link.order(), formats, now);
                return html(200, renderer.confirmPage(new Views.ConfirmPage(chrome(locale, link.raw()), offer,
                        offer.options().get(checked.index()), links.formToken(link.token(), now)), locale));
            });
        });
    }

    /** The confirmed decision: recorded once and sent to the order service through the outbox. */
    @WithTransaction
    public Uni<PageResult> decide(String raw, PageForm form) {
        Instant now = clock.instant();
        return withForm(raw, form, LinkAction.DECIDE_OFFER, now, (link, locale) -> {
            UUID offerId = uuid(form.offer());
            if (offerId == null) {
                return Uni.createFrom().item(problem(NoticeKind.INVALID_INPUT, link, locale, now));
            }
            return offers.lock(offerId).flatMap(offer -> check(link, form, offer, now)).flatMap(checked -> {
                if (checked.problem() != null) {
                    return Uni.createFrom().item(problem(checked.problem(), link, locale, now));
                }
                return links.use(link.token(), LinkAction.DECIDE_OFFER, now)
                        .flatMap(first -> first
                                ? record(link, checked, now).replaceWith(redirect(link, locale, null))
                                : Uni.createFrom().item(problem(NoticeKind.LINK_USED, link, locale, now)));
            });
        });
    }

    private Uni<Void> record(Link link, Checked checked, Instant now) {
        checked.offer().decide(now);
        CustomerDecision decision = new CustomerDecision();
        decision.decisionId = UUID.randomUUID();
        decision.offerId = checked.offer().offerId;
        decision.orderId = link.order().orderId;
        decision.tokenId = link.token().id;
        decision.option = checked.option().kind();
        decision.optionIndex = checked.index();
        decision.lineId = checked.option().lineId();
        decision.alternativeSku = checked.option().alternativeSku();
        decision.amount = checked.option().amount();
        decision.decidedAt = now;
        return decisions.persist(decision)
                .chain(() -> outbox.publish(new ApplyCustomerDecision(decision.orderId, decision.offerId,
                        decision.decisionId, decision.option, decision.lineId, decision.alternativeSku)))
                .replaceWithVoid();
    }

    @WithTransaction
    public Uni<PageResult> updatePaymentMethod(String raw, PageForm form) {
        Instant now = clock.instant();
        return withForm(raw, form, LinkAction.UPDATE_PAYMENT_METHOD, now, (link, locale) -> {
            String reference = form.reference() == null ? "" : form.reference().strip();
            if (!PAYMENT_REFERENCE.matcher(reference).matches()) {
                return Uni.createFrom().item(problem(NoticeKind.INVALID_INPUT, link, locale, now));
            }
            return links.used(link.token(), LinkAction.UPDATE_PAYMENT_METHOD)
                    .flatMap(used -> used
                            ? Uni.createFrom().item(problem(NoticeKind.LINK_USED, link, locale, now))
                            : orders.lock(link.order().orderId).flatMap(order -> {
                                if (!order.paymentUpdateRequested) {
                                    return Uni.createFrom().item(problem(NoticeKind.NOT_ALLOWED, link, locale, now));
                                }
                                return links.use(link.token(), LinkAction.UPDATE_PAYMENT_METHOD, now)
                                        .flatMap(first -> first
                                                ? submitPaymentMethod(link, order, reference, now)
                                                        .replaceWith(redirect(link, locale, "payment"))
                                                : Uni.createFrom()
                                                        .item(problem(NoticeKind.LINK_USED, link, locale, now)));
                            }));
        });
    }

    private Uni<Void> submitPaymentMethod(Link link, CustomerOrder order, String reference, Instant now) {
        order.paymentMethodSubmitted(now);
        PaymentMethodChange change = new PaymentMethodChange();
        change.id = UUID.randomUUID();
        change.orderId = order.orderId;
        change.tokenId = link.token().id;
        change.reference = reference;
        change.submittedAt = now;
        return paymentChanges.persist(change)
                .chain(() -> outbox.publish(new UpdatePaymentMethod(order.orderId, reference)))
                .replaceWithVoid();
    }

    /** The customer's channel choice; a channel that was not on the form keeps its setting. */
    @WithTransaction
    public Uni<PageResult> savePreferences(String raw, PageForm form) {
        Instant now = clock.instant();
        return withForm(raw, form, null, now, (link, locale) -> preferences.of(link.order().customerId)
                .flatMap(current -> preferences.save(link.order().customerId,
                        form.shown().contains("email") ? form.email() : current.emailEnabled,
                        form.shown().contains("sms") ? form.sms() : current.smsEnabled, "customer", now))
                .replaceWith(redirect(link, locale, "preferences")));
    }

    /**
     * Sends a fresh link to the addresses on file; works with an expired link (that is what it is for). Pressing
     * the button again within the configured interval sends nothing more.
     */
    @WithTransaction
    public Uni<PageResult> requestFreshLink(String raw, PageForm form) {
        Instant now = clock.instant();
        return load(raw).flatMap(link -> {
            if (link == null) {
                return Uni.createFrom().item(notFound(form.lang()));
            }
            Locale locale = locale(form.lang(), link.order());
            if (!links.acceptsForm(form.csrf(), link.token(), now)) {
                return Uni.createFrom()
                        .item(notice(NoticeKind.FORM_EXPIRED, locale, link.raw(), null, List.of(),
                                false));
            }
            return orders.lock(link.order().orderId)
                    .flatMap(order -> notifications.createdSince(order.orderId, NotificationKind.FRESH_LINK,
                            now.minus(config.links().freshLinkInterval())))
                    .flatMap(recent -> recent > 0
                            ? Uni.createFrom().voidItem()
                            : notifications.persist(Notification.schedule(link.order().orderId,
                                    NotificationKind.FRESH_LINK, "fresh-link:" + UUID.randomUUID(), null,
                                    link.token().linkActions(), null, now, now)).replaceWithVoid())
                    .chain(() -> preferences.of(link.order().customerId))
                    .map(preference -> notice(NoticeKind.FRESH_LINK_SENT, locale, link.raw(), null,
                            maskedAddresses(link.order(), preference), false));
        });
    }

    /**
     * Counts a "contact us" click (also for a link we do not know: customers must always reach us) and leads to the
     * shop's contact page.
     */
    @WithTransaction
    public Uni<PageResult> contact(String raw, String via) {
        Instant now = clock.instant();
        ContactClick.Via source = ContactClick.Via.parse(via);
        Uni<LinkToken> token = raw == null ? Uni.createFrom().nullItem() : links.resolve(raw);
        return token.flatMap(link -> {
            if (link == null || link.notificationId == null || source == ContactClick.Via.PAGE) {
                return Uni.createFrom().item(ContactClick.of(link == null ? null : link.orderId, source, null, now));
            }
            return notifications.findById(link.notificationId)
                    .map(notification -> ContactClick.of(link.orderId, source, notification.kind, now));
        })
                .flatMap(click -> clicks.persist(click))
                .call(click -> outbox.publish(new ContactClicked(click.orderId,
                        click.via.name(), click.kind == null ? null : click.kind.name(), click.clickedAt)))
                .map(click -> {
                    registry.counter("backorder.contact.clicks", "via", click.via.name(), "kind",
                            click.kind == null ? "NONE" : click.kind.name()).increment();
                    return new PageResult.Redirect(config.shop().contactUrl());
                });
    }

    private Uni<PageResult> withForm(String raw, PageForm form, LinkAction action, Instant now,
            BiFunction<Link, Locale, Uni<PageResult>> handle) {
        return load(raw).flatMap(link -> {
            if (link == null) {
                return Uni.createFrom().item(notFound(form.lang()));
            }
            Locale locale = locale(form.lang(), link.order());
            if (link.token().isExpiredAt(now)) {
                return Uni.createFrom().item(expired(link, locale, now));
            }
            if (!links.acceptsForm(form.csrf(), link.token(), now)) {
                return Uni.createFrom().item(problem(NoticeKind.FORM_EXPIRED, link, locale, now));
            }
            if (action != null && !link.token().allows(action)) {
                return Uni.createFrom().item(problem(NoticeKind.NOT_ALLOWED, link, locale, now));
            }
            return handle.apply(link, locale);
        });
    }

    private Uni<Checked> check(Link link, PageForm form, Offer offer, Instant now) {
        if (offer == null || !offer.orderId.equals(link.order().orderId)) {
            return Uni.createFrom().item(Checked.problem(NoticeKind.INVALID_INPUT));
        }
        if (offer.status == OfferStatus.DECIDED) {
            return Uni.createFrom().item(Checked.problem(NoticeKind.ALREADY_DECIDED));
        }
        return offers.latestForOrder(offer.orderId).flatMap(latest -> {
            if (!latest.offerId.equals(offer.offerId)) {
                return Uni.createFrom().item(Checked.problem(NoticeKind.OFFER_CHANGED));
            }
            if (!offer.isOpenAt(now)) {
                return Uni.createFrom().item(Checked.problem(NoticeKind.OFFER_CLOSED));
            }
            List<OfferSnapshot.Option> options = json.offer(offer).options();
            int index = index(form.choice());
            if (index < 0 || index >= options.size()) {
                return Uni.createFrom().item(Checked.problem(NoticeKind.INVALID_INPUT));
            }
            return links.used(link.token(), LinkAction.DECIDE_OFFER)
                    .map(used -> used
                            ? Checked.problem(NoticeKind.LINK_USED)
                            : new Checked(null, offer, index, options.get(index)));
        });
    }

    private Uni<PageResult> orderPage(Link link, Locale locale, Instant now, String done) {
        CustomerOrder order = link.order();
        LinkToken token = link.token();
        Formats formats = renderer.formats(locale);
        return offers.latestForOrder(order.orderId)
                .flatMap(offer -> (offer != null && offer.status == OfferStatus.DECIDED
                        ? decisions.byOffer(offer.offerId)
                        : Uni.createFrom().<CustomerDecision>nullItem())
                        .flatMap(decision -> links.used(token, LinkAction.DECIDE_OFFER)
                                .flatMap(decided -> links.used(token, LinkAction.UPDATE_PAYMENT_METHOD)
                                        .flatMap(paid -> preferences.of(order.customerId).map(preference -> {
                                            boolean offerOpen = offer != null && offer.isOpenAt(now);
                                            boolean mayDecide = token.allows(LinkAction.DECIDE_OFFER);
                                            Views.OrderPage page = new Views.OrderPage(chrome(locale, link.raw()),
                                                    renderer.order(json.order(order), order.orderReference, formats),
                                                    offer == null ? null : offerView(offer, order, formats, now),
                                                    decision == null
                                                            ? null
                                                            : new Views.Decision(decision.option,
                                                                    formats.dateTime(decision.decidedAt)),
                                                    offerOpen && mayDecide && !decided,
                                                    offerOpen && mayDecide && decided,
                                                    order.paymentUpdateRequested,
                                                    token.allows(LinkAction.UPDATE_PAYMENT_METHOD) && !paid,
                                                    "payment".equals(done),
                                                    preferencesView(order, preference, "preferences".equals(done)),
                                                    links.formToken(token, now),
                                                    formats.dateTime(token.expiresAt));
                                            return html(200, renderer.orderPage(page, locale));
                                        })))));
    }

    private Views.Offer offerView(Offer offer, CustomerOrder order, Formats formats, Instant now) {
        OrderSnapshot snapshot = json.order(order);
        return renderer.offer(json.offer(offer), offer.statusAt(now), formats, snapshot.currency());
    }

    private static Views.Preferences preferencesView(CustomerOrder order, CustomerPreference preference,
            boolean saved) {
        boolean hasEmail = order.email != null && order.emailOptIn;
        boolean hasSms = order.phone != null && order.smsOptIn;
        return new Views.Preferences(hasEmail, hasSms, preference.emailEnabled, preference.smsEnabled, saved);
    }

    private static List<String> maskedAddresses(CustomerOrder order, CustomerPreference preference) {
        List<String> masked = new ArrayList<>();
        for (Channel channel : NotificationGate.reachable(order)) {
            if (preference.allows(channel)) {
                String address = NotificationGate.recipient(order, channel);
                masked.add(channel == Channel.EMAIL ? Masks.email(address) : Masks.phone(address));
            }
        }
        return masked;
    }

    private Uni<Link> load(String raw) {
        return links.resolve(raw)
                .flatMap(token -> token == null
                        ? Uni.createFrom().<Link>nullItem()
                        : orders.findById(token.orderId).map(order -> new Link(raw, token, order)));
    }

    private PageResult expired(Link link, Locale locale, Instant now) {
        return notice(NoticeKind.EXPIRED, locale, link.raw(), links.formToken(link.token(), now), List.of(), false);
    }

    private PageResult problem(NoticeKind kind, Link link, Locale locale, Instant now) {
        return kind == NoticeKind.EXPIRED
                ? expired(link, locale, now)
                : notice(kind, locale, link.raw(), kind == NoticeKind.LINK_USED
                        ? links.formToken(link.token(), now)
                        : null, List.of(), true);
    }

    public PageResult notFound(String lang) {
        Locale locale = locale(lang, null);
        return notice(NoticeKind.NOT_FOUND, locale, null, null, List.of(), false);
    }

    /** A page for a request that was refused before reaching a link, e.g. too many attempts. */
    public PageResult notice(NoticeKind kind, String lang) {
        return notice(kind, locale(lang, null), null, null, List.of(), false);
    }

    private PageResult notice(NoticeKind kind, Locale locale, String raw, String formToken, List<String> sentTo,
            boolean showBack) {
        return html(kind.status(), renderer.noticePage(new Views.NoticePage(chrome(locale, raw), kind, formToken,
                sentTo, showBack), locale));
    }

    private PageResult redirect(Link link, Locale locale, String done) {
        return new PageResult.Redirect(links.pageUrl(link.raw()) + "?lang=" + locale.getLanguage()
                + (done == null ? "" : "&done=" + done));
    }

    private Views.Chrome chrome(Locale locale, String raw) {
        String lang = locale.getLanguage();
        return new Views.Chrome(renderer.shop(), lang, Formats.GERMAN.getLanguage().equals(lang) ? "en" : "de",
                links.base(), raw == null ? null : links.pageUrl(raw),
                raw == null ? links.base() + "/contact?via=page" : links.contactUrl(raw, "page"));
    }

    private static Locale locale(String lang, CustomerOrder order) {
        if ("de".equals(lang)) {
            return Formats.GERMAN;
        }
        if ("en".equals(lang)) {
            return Formats.ENGLISH;
        }
        return Formats.locale(order == null ? null : order.locale);
    }

    private static PageResult html(int status, String body) {
        return new PageResult.Html(status, body);
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static int index(String value) {
        try {
            return value == null ? -1 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
