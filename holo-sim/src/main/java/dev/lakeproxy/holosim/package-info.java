/**
 * A local Hologres simulator: a PostgreSQL wire-protocol endpoint in front of an embedded
 * PostgreSQL that simulates {@code hg_version()}, the {@code hg_experimental_} settings, MaxCompute
 * foreign tables on {@code odps_server} and the seed's rules for reading encrypted MaxCompute data
 * with HQE, SQE and Common Table.
 *
 * <p>Entry points: {@link dev.lakeproxy.holosim.HoloSimulator} (Java), {@link
 * dev.lakeproxy.holosim.HoloSimExtension} (JUnit 5) and {@link dev.lakeproxy.holosim.Main} (command
 * line). See the module's README for every rule.
 */
package dev.lakeproxy.holosim;
