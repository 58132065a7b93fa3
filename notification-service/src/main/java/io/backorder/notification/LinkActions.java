package io.backorder.notification;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.backorder.contracts.notification.LinkAction;

/** The column format of a set of link actions: comma-separated names, empty for view-only links. */
public final class LinkActions {

    private LinkActions() {
    }

    public static String format(Set<LinkAction> actions) {
        return actions == null ? "" : actions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Set<LinkAction> parse(String column) {
        if (column == null || column.isBlank()) {
            return EnumSet.noneOf(LinkAction.class);
        }
        return Arrays.stream(column.split(","))
                .map(LinkAction::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(LinkAction.class)));
    }
}
