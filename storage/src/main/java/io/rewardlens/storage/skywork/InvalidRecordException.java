package io.rewardlens.storage.skywork;

/** Thrown by the record parsers for one bad record: the field at fault and why. */
final class InvalidRecordException extends Exception {
    private final String field;
    private final String reason;

    InvalidRecordException(String field, String reason) {
        super(field == null ? reason : field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }

    String field() {
        return field;
    }

    String reason() {
        return reason;
    }
}
