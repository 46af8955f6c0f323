package io.undersign.runtime.workbench;

/** What one role may decide alone, as the tenant set it (table underwriting_authority). */
public record Authority(String role, long maxSumAssured, int maxTable, boolean mayDecline, boolean mayExclude) {
}
