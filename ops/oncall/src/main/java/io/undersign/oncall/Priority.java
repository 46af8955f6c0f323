package io.undersign.oncall;

/** P1: someone is called now, and the next line if nobody answers. P2: the P2 subscribers get an SMS. */
public enum Priority {
    P1, P2;

    public static Priority parse(String text, String field) {
        if (text != null) {
            for (Priority p : values()) {
                if (p.name().equalsIgnoreCase(text.strip())) {
                    return p;
                }
            }
        }
        throw new OncallException(field, "priority must be P1 or P2");
    }
}
