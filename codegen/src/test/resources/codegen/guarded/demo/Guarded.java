package demo;

import dev.lakeproxy.codegen.GenerateForwarding;

@GenerateForwarding(value = Source.class, guard = Failures.class)
final class Guarded {
}
