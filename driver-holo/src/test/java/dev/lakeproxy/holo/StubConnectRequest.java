/*
 * Copyright The lakeproxy developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.lakeproxy.holo;

import dev.lakeproxy.spi.ConnectRequest;
import dev.lakeproxy.spi.LakeOption;
import dev.lakeproxy.spi.RealUrl;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * A connect request for unit tests of what a plugin does before connecting: URL, properties and
 * options.
 */
class StubConnectRequest implements ConnectRequest {

    String url;
    final Properties props = new Properties();
    private final Function<LakeOption<?>, Object> options;

    StubConnectRequest(String url, Function<LakeOption<?>, Object> options) {
        this.url = url;
        this.options = options;
    }

    @Override
    public String subprotocol() {
        return "postgresql";
    }

    @Override
    public String realUrl() {
        return url;
    }

    @Override
    public RealUrl parsedUrl() {
        return new RealUrl(url, "", props.getProperty("user", ""), Map.of());
    }

    @Override
    public void setRealUrl(String newUrl) {
        url = newUrl;
    }

    @Override
    public Properties realProperties() {
        return props;
    }

    @Override
    public String serverKey() {
        return "stub";
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T option(LakeOption<T> option) {
        return (T) options.apply(option);
    }

    @Override
    public void note(String action) {
    }
}
