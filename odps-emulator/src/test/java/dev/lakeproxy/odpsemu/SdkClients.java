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
package dev.lakeproxy.odpsemu;

import com.aliyun.odps.Odps;
import com.aliyun.odps.account.AliyunAccount;

/** The MaxCompute Java SDK pointed at an emulator, as an application would configure it. */
final class SdkClients {

    private SdkClients() {}

    /** An {@code Odps} client for {@code project}, signed with the emulator's root access key. */
    static Odps odps(MaxComputeEmulator emu, String project) {
        Odps odps = new Odps(new AliyunAccount(emu.accessId(), emu.accessKey()));
        odps.setEndpoint(emu.endpoint());
        odps.setDefaultProject(project);
        return odps;
    }
}
