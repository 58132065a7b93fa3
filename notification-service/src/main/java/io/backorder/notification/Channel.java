package io.backorder.notification;

public enum Channel {
    EMAIL, SMS
}
