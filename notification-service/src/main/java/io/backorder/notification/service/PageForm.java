package io.backorder.notification.service;

import java.util.List;

/**
 * What a page form posts. Nothing is trusted: the service checks every field against the link and the offer.
 *
 * @param shown the preference checkboxes that were on the form ("email", "sms"); absent ones keep their value
 */
public record PageForm(String csrf, String lang, String offer, String choice, String reference, List<String> shown,
        boolean email, boolean sms) {
}
