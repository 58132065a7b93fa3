package io.backorder.notification.content;

/** Shows enough of an address for a customer to recognise it, not enough to learn it. */
public final class Masks {

    private Masks() {
    }

    public static String email(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }

    public static String phone(String phone) {
        return phone.length() <= 6 ? "***" : phone.substring(0, 3) + "***" + phone.substring(phone.length() - 2);
    }
}
