package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;

/**
 * Ports agree end to end: every Service selects pods and its target ports are their container ports; every route
 * of the gateway leads to a Service port that exists; the Prometheus annotations name a real port.
 */
final class PortCheck implements Check {

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Service service : manifest.all(Service.class)) {
            List<Manifest.Workload> selected = manifest.workloads()
                    .stream()
                    .filter(workload -> Manifest.selects(service.getSpec().getSelector(), workload.podLabels()))
                    .toList();
            if (selected.isEmpty()) {
                violations.add(Manifest.id(service) + " selects no pod");
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null
                        ? port.getTargetPort()
                        : new IntOrString(port.getPort());
                for (Manifest.Workload workload : selected) {
                    if (workload.port(target).isEmpty()) {
                        violations.add(Manifest.id(service) + " port " + port.getName() + " targets "
                                + target.getValue() + ", which " + workload.id() + " does not expose");
                    }
                }
            }
        }
        for (Ingress ingress : manifest.all(Ingress.class)) {
            ingress.getSpec()
                    .getRules()
                    .stream()
                    .flatMap(rule -> rule.getHttp().getPaths().stream())
                    .forEach(path -> checkBackend(manifest, Manifest.id(ingress) + " path " + path.getPath(),
                            path.getBackend(), violations));
        }
        for (HTTPRoute route : manifest.all(HTTPRoute.class)) {
            route.getSpec()
                    .getRules()
                    .stream()
                    .flatMap(rule -> rule.getBackendRefs().stream())
                    .forEach(backend -> checkBackend(manifest, Manifest.id(route), backend, violations));
        }
        for (Manifest.Workload workload : manifest.suiteServices()) {
            Map<String, String> annotations = workload.owner().getMetadata().getAnnotations();
            String scrapePort = annotations == null ? null : annotations.get("prometheus.io/port");
            if (scrapePort == null || workload.port(new IntOrString(Integer.valueOf(scrapePort))).isEmpty()) {
                violations.add(workload.id() + ": prometheus.io/port " + scrapePort + " is not a container port");
            }
        }
        return violations;
    }

    private static void checkBackend(Manifest manifest, String where, IngressBackend backend,
            List<String> violations) {
        var reference = backend.getService();
        var service = manifest.named(Service.class, reference.getName());
        if (service.isEmpty()) {
            violations.add(where + " leads to Service " + reference.getName() + ", which does not exist");
            return;
        }
        boolean found = service.get()
                .getSpec()
                .getPorts()
                .stream()
                .anyMatch(port -> reference.getPort().getName() != null
                        ? reference.getPort().getName().equals(port.getName())
                        : Objects.equals(reference.getPort().getNumber(), port.getPort()));
        if (!found) {
            violations.add(where + " leads to a port Service " + reference.getName() + " does not have");
        }
    }

    private static void checkBackend(Manifest manifest, String where, HTTPBackendRef backend,
            List<String> violations) {
        if (backend.getKind() != null && !"Service".equals(backend.getKind())) {
            return;
        }
        var service = manifest.named(Service.class, backend.getName());
        if (service.isEmpty()) {
            violations.add(where + " leads to Service " + backend.getName() + ", which does not exist");
        } else if (service.get()
                .getSpec()
                .getPorts()
                .stream()
                .noneMatch(port -> Objects.equals(port.getPort(), backend.getPort()))) {
            violations.add(where + " leads to port " + backend.getPort() + " of Service " + backend.getName()
                    + ", which it does not have");
        }
    }
}
