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
