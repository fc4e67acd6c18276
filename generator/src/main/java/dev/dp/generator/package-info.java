/**
 * The {@code data-generator} service (DOMAIN.md): {@link dev.dp.catalog.SourceSchema} creates the
 * source schema; {@link dev.dp.generator.WorkloadPlanner} plans a deterministic stream of changes
 * against a {@link dev.dp.generator.LiveModel} without touching the database; {@link
 * dev.dp.generator.GeneratorRunner} writes them, one transaction per change together with its
 * position in {@code dp_generator.progress}, and resumes there after a restart; {@link
 * dev.dp.generator.DataGeneratorMain} is the command line.
 */
package dev.dp.generator;
