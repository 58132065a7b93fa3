package io.backorder.order;

/** A state transition the current state does not allow; REST maps it to 409. */
public class IllegalTransitionException extends IllegalStateException {

    public IllegalTransitionException(String message) {
        super(message);
    }

    /** Throws unless {@code allowed}. */
    public static void require(boolean allowed, String message, Object... args) {
        if (!allowed) {
            throw new IllegalTransitionException(args.length == 0 ? message : message.formatted(args));
        }
    }
}
