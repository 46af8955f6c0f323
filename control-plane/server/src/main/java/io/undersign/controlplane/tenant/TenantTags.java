package io.undersign.controlplane.tenant;

import io.undersign.controlplane.api.ValidationException;
import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What an operator may put on a tenant as a tag: a short lower-case word, a few of them. */
public final class TenantTags {
    public static final String PATTERN = "[a-z][a-z0-9-]{0,31}";
    public static final int MAX_PER_TENANT = 16;
    private static final Pattern WELL_FORMED = Pattern.compile(PATTERN);

    private TenantTags() {
    }

    /** {@code tag} itself, or a 400 naming {@code field}. */
    public static String require(String tag, String field) {
        if (tag == null || !WELL_FORMED.matcher(tag).matches()) {
            throw new ValidationException(field, "A tag is 1-32 characters: a lower-case letter, then lower-case letters, digits or '-'");
        }
        return tag;
    }

    /** The set {@code tags} names, each checked, at most {@link #MAX_PER_TENANT}. */
    public static TreeSet<String> requireAll(Collection<String> tags, String field) {
        TreeSet<String> set = new TreeSet<>();
        if (tags != null) {
            tags.forEach(t -> set.add(require(t, field)));
        }
        requireRoomFor(set, field);
        return set;
    }

    static void requireRoomFor(Collection<String> tags, String field) {
        if (tags.size() > MAX_PER_TENANT) {
            throw new ValidationException(field, "A tenant carries at most " + MAX_PER_TENANT + " tags");
        }
    }
}
