package dev.lakeproxy.springit;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dataSourceClassName form, as docs/hikari-spring.md gives it: Spring Boot's auto-configuration
 * only builds a pool around a driver (it needs spring.datasource.url and refuses
 * dataSourceClassName), so the application declares the pool and binds spring.datasource.hikari.*
 * to it.
 */
@Configuration
@EnableAutoConfiguration
public class HikariFromProperties {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource() {
        return new HikariDataSource();
    }
}
