package dev.dp.stack;

import java.util.List;

/**
 * One row of {@code dp status}.
 *
 * @param service service name
 * @param container container name
 * @param layer inventory layer
 * @param state state
 * @param pid process id, or -1
 * @param ports effective ports
 * @param uptimeSeconds seconds since start, or -1
 * @param rssBytes resident memory of the process and its children, or -1
 * @param log path of the log
 * @param note why the service is not local, or empty
 */
public record ServiceStatus(
    String service,
    String container,
    String layer,
    ServiceState state,
    long pid,
    List<Integer> ports,
    long uptimeSeconds,
    long rssBytes,
    String log,
    String note) {}
