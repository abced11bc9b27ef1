package dev.lakeproxy.springit;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * The jdbcUrl form: nothing but spring.datasource.* properties; Spring Boot builds the HikariCP
 * pool.
 */
@Configuration
@EnableAutoConfiguration
public class DriverFromProperties {}
