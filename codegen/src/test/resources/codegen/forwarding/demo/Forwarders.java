package demo;

import dev.lakeproxy.codegen.GenerateForwarding;

@GenerateForwarding({Shape.class, Circle.class, DBRow.class})
final class Forwarders {
}
