package io.undersign.engine.model;

import java.time.LocalDate;
import java.util.List;

public record Metadata(String id, String version, String title, List<String> products, LocalDate effective) {
}
