package io.porpoise.charset;

/**
 * One row of {@code SHOW CHARACTER SET} / {@code INFORMATION_SCHEMA.CHARACTER_SETS}, derived
 * from the collation table.
 */
public record CharacterSet(String name, String description, String defaultCollation, int maxLength) {
}
