package io.backorder.deploy;

import java.util.List;

/** One rule of the suite's deployment policy, applied to a rendered manifest. */
interface Check {

    /** What breaks the rule, one line each naming the object; empty when the manifest follows it. */
    List<String> violations(Manifest manifest);
}
