package io.backorder.notification.content;

import io.backorder.contracts.notification.OfferOptionKind;
import io.backorder.notification.NotificationKind;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text customers read, in {@code messages/msg_en.properties} and {@code messages/msg_de.properties}. Methods
 * taking an enum read the key {@code method_$CONSTANT} ({@code method_CONSTANT} when no constant of the enum has an
 * underscore). The build fails on a missing translation.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message
    String subject(NotificationKind kind);

    @Message
    String headline(NotificationKind kind);

    @Message
    String intro(NotificationKind kind);

    @Message
    String action(NotificationKind kind);

    @Message
    String sms(NotificationKind kind);

    @Message
    String lineState(LineState state);

    @Message
    String option(OfferOptionKind kind);

    @Message
    String optionEffect(OfferOptionKind kind);

    @Message
    String amountLabel(OfferOptionKind kind);

    @Message
    String nextSteps(OfferOptionKind kind);

    @Message
    String notice(NoticeKind kind);

    @Message
    String noticeText(NoticeKind kind);

    /** The language tag of the bundle, for the lang attribute of pages and emails. */
    @Message
    String lang();

    @Message
    String whatHappensNext();

    @Message
    String greeting();

    @Message
    String orderTitle(String reference);

    @Message
    String placedOn(String date);

    @Message
    String columnItem();

    @Message
    String columnQuantity();

    @Message
    String columnStatus();

    @Message
    String columnExpected();

    @Message
    String earlierPromises(String dates);

    @Message
    String noPromise();

    @Message
    String payments(String authorized, String captured, String refunded);

    @Message
    String offerTitle();

    @Message
    String chooseBy(String date);

    @Message
    String defaultIs();

    @Message
    String defaultMarker();

    @Message
    String alternative(String sku);

    @Message
    String continueButton();

    @Message
    String confirmTitle();

    @Message
    String confirmQuestion();

    @Message
    String confirmButton();

    @Message
    String goBack();

    @Message
    String decidedTitle();

    @Message
    String decidedOn(String date);

    @Message
    String offerExpiredText();

    @Message
    String offerWithdrawnText();

    @Message
    String useLatestLink();

    @Message
    String paymentTitle();

    @Message
    String paymentText();

    @Message
    String paymentLabel();

    @Message
    String paymentHint();

    @Message
    String paymentButton();

    @Message
    String paymentReceived();

    @Message
    String preferencesTitle();

    @Message
    String preferencesEmail();

    @Message
    String preferencesSms();

    @Message
    String preferencesSave();

    @Message
    String preferencesSaved();

    @Message
    String contactTitle();

    @Message
    String contactText();

    @Message
    String contactUs();

    @Message
    String contactEmail(String email);

    @Message
    String contactPhone(String phone);

    @Message
    String freshLinkButton();

    @Message
    String freshLinkSentTo(String address);

    @Message
    String viewOrder();

    @Message
    String linkValidUntil(String date);

    @Message
    String footer(String shop);

    @Message
    String switchLanguage();

    @Message
    String smsContact(String link);
}
