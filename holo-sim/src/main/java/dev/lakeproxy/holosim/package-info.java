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
