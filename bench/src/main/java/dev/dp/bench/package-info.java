/**
 * {@code dp bench}: measures the running pipeline's throughput and per-change freshness under a
 * steady load and a bulk burst, against PostgreSQL's own logical decoding of the same WAL range,
 * and ends with {@code dp verify}. {@link dev.dp.bench.BenchRun} runs the phases; the report
 * records ({@link dev.dp.bench.BenchReport} and its parts) are computed by pure code from samples
 * and the jobs' visibility logs, so they are unit tested without a stack.
 */
package dev.dp.bench;
