package dev.dp.catalog;

/**
 * The database a PostgreSQL service serves and the account that owns it.
 *
 * @param user the superuser and owner, e.g. {@code admin}
 * @param database the database created on first start, e.g. {@code jadc2_db}
 * @param passwordKey the configuration key of the password ({@link DpSettings})
 * @param logicalReplication whether the cluster runs with {@code wal_level=logical} for CDC
 */
public record DatabaseSpec(
    String user, String database, String passwordKey, boolean logicalReplication) {}
