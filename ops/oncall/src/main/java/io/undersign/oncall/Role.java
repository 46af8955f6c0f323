package io.undersign.oncall;

/** A line of the P1 escalation chain, in the order it is called. */
public enum Role {
    PRIMARY, SECONDARY, MANAGER;

    public static Role parse(String text, String field) {
        if (text != null) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(text.strip())) {
                    return r;
                }
            }
        }
        throw new OncallException(field, "role must be primary, secondary or manager");
    }
}
