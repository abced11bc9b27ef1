package demo;

import dev.lakeproxy.codegen.GenerateForwarding;
import dev.lakeproxy.codegen.GenerateRouting;

@GenerateForwarding({Stmt.class, Prep.class})
@GenerateRouting(value = {Stmt.class, Prep.class}, call = Call.class)
final class Gen {
}
