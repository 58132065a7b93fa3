package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;

/** Every container requests CPU and memory and is limited in both, with requests no higher than limits. */
final class ResourceCheck implements Check {

    private static final List<String> RESOURCES = List.of("cpu", "memory");

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Manifest.Workload workload : manifest.workloads()) {
            for (Container container : workload.allContainers()) {
                String where = workload.id() + " container " + container.getName();
                Map<String, Quantity> requests = container.getResources() == null
                        ? Map.of()
                        : container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources() == null
                        ? Map.of()
                        : container.getResources().getLimits();
                for (String resource : RESOURCES) {
                    Quantity request = requests == null ? null : requests.get(resource);
                    Quantity limit = limits == null ? null : limits.get(resource);
                    if (request == null) {
                        violations.add(where + " requests no " + resource);
                    }
                    if (limit == null) {
                        violations.add(where + " has no " + resource + " limit");
                    }
                    if (request != null && limit != null
                            && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                        violations.add(where + " requests more " + resource + " than its limit");
                    }
                }
            }
        }
        return violations;
    }
}
