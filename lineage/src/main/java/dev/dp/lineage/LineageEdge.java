package dev.dp.lineage;

/**
 * Data of {@code from} flows into {@code to}.
 *
 * @param from upstream node id
 * @param to downstream node id
 * @param via the id of the {@link NodeKind#PIPELINE} node that moves it, or null when the
 *     downstream is defined over the upstream (a view)
 */
public record LineageEdge(String from, String to, String via) {}
