package dev.lakeproxy;

/**
 * The core's differential fidelity suite, run again with the Hologres plugin installed: on plain
 * PostgreSQL the plugin detects no Hologres and stays off, so every statement behaves exactly as
 * with raw pgjdbc.
 */
class HoloFidelityTest extends FidelityTest {}
