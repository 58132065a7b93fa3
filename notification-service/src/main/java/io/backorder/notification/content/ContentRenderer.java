package io.backorder.notification.content;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.backorder.contracts.notification.OfferSnapshot;
import io.backorder.contracts.notification.OrderSnapshot;
import io.backorder.notification.OfferStatus;
import io.backorder.notification.config.NotificationConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Turns snapshots into what customers read: emails, SMS and pages, in their language. */
@ApplicationScoped
public class ContentRenderer {

    @CheckedTemplate(basePath = "mail")
    static class MailTemplates {
        static native TemplateInstance subject(Views.Mail mail);

        static native TemplateInstance html(Views.Mail mail);

        static native TemplateInstance text(Views.Mail mail);

        static native TemplateInstance sms(Views.Mail mail);
    }

    @CheckedTemplate(basePath = "page")
    static class PageTemplates {
        static native TemplateInstance order(Views.OrderPage page);

        static native TemplateInstance confirm(Views.ConfirmPage page);

        static native TemplateInstance notice(Views.NoticePage page);
    }

    private final NotificationConfig config;

    public ContentRenderer(NotificationConfig config) {
        this.config = config;
    }

    public Formats formats(Locale locale) {
        return new Formats(locale, config.shop().timeZone());
    }

    public Views.Shop shop() {
        NotificationConfig.Shop shop = config.shop();
        return new Views.Shop(shop.name(), shop.brandColor(), shop.logoUrl().orElse(null), shop.contactEmail(),
                shop.contactPhone());
    }

    public Views.Order order(OrderSnapshot order, String reference, Formats formats) {
        List<Views.Line> lines = order.lines() == null
                ? List.of()
                : order.lines().stream().map(line -> line(line, formats)).toList();
        return new Views.Order(reference == null ? order.orderReference() : reference,
                formats.dateTime(order.placedAt()), lines, payments(order, formats));
    }

    public Views.Offer offer(OfferSnapshot offer, OfferStatus status, Formats formats, String currency) {
        List<Views.Option> options = new ArrayList<>();
        List<OfferSnapshot.Option> given = offer.options() == null ? List.of() : offer.options();
        for (int i = 0; i < given.size(); i++) {
            OfferSnapshot.Option option = given.get(i);
            options.add(new Views.Option(i, option.kind(), option.description(), option.alternativeSku(),
                    formats.money(option.amount(), currency), option.kind() == offer.defaultOption()));
        }
        return new Views.Offer(offer.offerId(), offer.reason(), formats.dateTime(offer.expiresAt()),
                offer.defaultOption(), status, options);
    }

    public RenderedEmail email(Views.Mail mail, Locale locale) {
        return new RenderedEmail(render(MailTemplates.subject(mail), locale).strip(),
                render(MailTemplates.html(mail), locale), render(MailTemplates.text(mail), locale));
    }

    public String sms(Views.Mail mail, Locale locale) {
        return render(MailTemplates.sms(mail), locale).strip().replaceAll("\\s*\\n\\s*", " ");
    }

    public String orderPage(Views.OrderPage page, Locale locale) {
        return render(PageTemplates.order(page), locale);
    }

    public String confirmPage(Views.ConfirmPage page, Locale locale) {
        return render(PageTemplates.confirm(page), locale);
    }

    public String noticePage(Views.NoticePage page, Locale locale) {
        return render(PageTemplates.notice(page), locale);
    }

    private static String render(TemplateInstance template, Locale locale) {
        return template.setLocale(locale).render();
    }

    private static Views.Line line(OrderSnapshot.Line line, Formats formats) {
        List<LocalDate> history = line.promiseHistory() == null ? List.of() : line.promiseHistory();
        String earlier = history.stream()
                .filter(Objects::nonNull)
                .filter(date -> !date.equals(line.promiseDate()))
                .map(formats::date)
                .collect(Collectors.joining(", "));
        return new Views.Line(line.description() == null ? line.sku() : line.description(), line.sku(),
                line.quantity(), LineState.of(line.state()), formats.date(line.promiseDate()),
                earlier.isEmpty() ? null : earlier);
    }

    private static Views.Payments payments(OrderSnapshot order, Formats formats) {
        if (isZero(order.authorized()) && isZero(order.captured()) && isZero(order.refunded())) {
            return null;
        }
        return new Views.Payments(money(order.authorized(), order, formats), money(order.captured(), order, formats),
                money(order.refunded(), order, formats));
    }

    private static String money(BigDecimal amount, OrderSnapshot order, Formats formats) {
        return formats.money(amount == null ? BigDecimal.ZERO : amount, order.currency());
    }

    private static boolean isZero(BigDecimal amount) {
        return amount == null || amount.signum() == 0;
    }

}
