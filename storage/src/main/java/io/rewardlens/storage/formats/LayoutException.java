package io.rewardlens.storage.formats;

/** Thrown for a record that does not fit its layout: the field at fault and why. */
public final class LayoutException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    /**
     * @param field the field path such as {@code chosen[1].content}, or null for the whole record
     * @param reason what is wrong
     */
    public LayoutException(String field, String reason) {
        super(field == null ? reason : field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    /** The field path at fault, or null when no single field is. */
    public String field() {
        return field;
    }

    /** What is wrong. */
    public String reason() {
        return reason;
    }
}
