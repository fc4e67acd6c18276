/**
 * The records that cross a process boundary between dp's jobs and its CLI: job settings, progress
 * files and visibility logs, with the freshness figures computed from them. Spark-free and
 * Jackson-serialised ({@link dev.dp.contracts.Json}), so every reader gets typed objects.
 */
package dev.dp.contracts;
