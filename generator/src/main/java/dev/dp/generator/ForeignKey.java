package dev.dp.generator;

/**
 * One foreign key of the source schema: {@code childTable.column} references {@code
 * parentTable.id}.
 */
public record ForeignKey(String childTable, String column, String parentTable) {}
