package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;

/**
 * The public entry (an Ingress or a Gateway with its HTTPRoutes): TLS, a request body limit, and routes only to the
 * public services' real endpoints, never to the root or to /q (health, metrics, OpenAPI).
 */
final class GatewayCheck implements Check {

    static final Set<String> PUBLIC_SERVICES = Set.copyOf(Repository.SERVICES);
    static final String INGRESS_BODY_LIMIT = "nginx.ingress.kubernetes.io/proxy-body-size";

    /** The root path segments of every service that is an application (see {@link ServiceEndpoints}). */
    private final Map<String, Set<String>> endpoints;

    GatewayCheck(Map<String, Set<String>> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        List<Ingress> ingresses = manifest.all(Ingress.class);
        List<Gateway> gateways = manifest.all(Gateway.class);
        if (ingresses.isEmpty() && gateways.isEmpty()) {
            violations.add("no public entry: neither an Ingress nor a Gateway");
        }
        for (Ingress ingress : ingresses) {
            String where = Manifest.id(ingress);
            List<IngressTLS> tls = ingress.getSpec().getTls();
            var annotations = ingress.getMetadata().getAnnotations();
            if (annotations == null || !annotations.containsKey(INGRESS_BODY_LIMIT)) {
                violations.add(where + " sets no request body limit (" + INGRESS_BODY_LIMIT + ")");
            }
            for (var rule : ingress.getSpec().getRules()) {
                boolean secured = tls.stream()
                        .anyMatch(entry -> entry.getSecretName() != null && entry.getHosts().contains(rule.getHost()));
                if (!secured) {
                    violations.add(where + " serves " + rule.getHost() + " without TLS");
                }
                for (var path : rule.getHttp().getPaths()) {
                    checkRoute(where, path.getPath(), path.getBackend().getService().getName(), violations);
                }
            }
        }
        for (Gateway gateway : gateways) {
            String where = Manifest.id(gateway);
            for (Listener listener : gateway.getSpec().getListeners()) {
                if ("HTTPS".equals(listener.getProtocol())) {
                    if (listener.getTls() == null || listener.getTls().getCertificateRefs().isEmpty()) {
                        violations.add(where + " listener " + listener.getName() + " has no certificate");
                    }
                } else if ("HTTP".equals(listener.getProtocol())) {
                    manifest.all(HTTPRoute.class)
                            .stream()
                            .filter(route -> attaches(route, gateway, listener))
                            .filter(route -> !route.getSpec().getRules().stream().allMatch(GatewayCheck::redirects))
                            .forEach(route -> violations.add(Manifest.id(route) + " serves plain HTTP on "
                                    + where + " instead of redirecting to HTTPS"));
                } else {
                    violations.add(where + " listener " + listener.getName() + " speaks " + listener.getProtocol());
                }
            }
            if (!limitsRequestBodies(manifest, gateway)) {
                violations.add(where + " has no request body limit (BackendTrafficPolicy requestBuffer.limit)");
            }
        }
        for (HTTPRoute route : manifest.all(HTTPRoute.class)) {
            String where = Manifest.id(route);
            for (ParentReference parent : route.getSpec().getParentRefs()) {
                if (manifest.named(Gateway.class, parent.getName()).isEmpty()) {
                    violations.add(where + " attaches to Gateway " + parent.getName() + ", which does not exist");
                }
            }
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                for (var backend : rule.getBackendRefs()) {
                    if (rule.getMatches().isEmpty()) {
                        checkRoute(where, "/", backend.getName(), violations);
                    }
                    for (var match : rule.getMatches()) {
                        String path = match.getPath() == null ? "/" : match.getPath().getValue();
                        checkRoute(where, path, backend.getName(), violations);
                    }
                }
            }
        }
        return violations;
    }

    private void checkRoute(String where, String path, String service, List<String> violations) {
        if (!PUBLIC_SERVICES.contains(service)) {
            violations.add(where + " makes " + service + " public");
            return;
        }
        String segment = ServiceEndpoints.firstSegment(path);
        if (segment.isEmpty() || segment.equals("q")) {
            violations.add(where + " routes " + path + " to " + service + ": that exposes internal endpoints");
        } else if (endpoints.containsKey(service) && !endpoints.get(service).contains(segment)) {
            violations.add(where + " routes " + path + " to " + service + ", which serves nothing under /" + segment);
        }
    }

    private static boolean attaches(HTTPRoute route, Gateway gateway, Listener listener) {
        return route.getSpec()
                .getParentRefs()
                .stream()
                .anyMatch(parent -> parent.getName().equals(gateway.getMetadata().getName())
                        && (parent.getSectionName() == null || parent.getSectionName().equals(listener.getName())));
    }

    private static boolean redirects(HTTPRouteRule rule) {
        return rule.getBackendRefs().isEmpty() && rule.getFilters()
                .stream()
                .anyMatch(filter -> filter.getRequestRedirect() != null
                        && "https".equals(filter.getRequestRedirect().getScheme()));
    }

    @SuppressWarnings("unchecked")
    private static boolean limitsRequestBodies(Manifest manifest, Gateway gateway) {
        for (GenericKubernetesResource policy : manifest.custom("gateway.envoyproxy.io/v1alpha1",
                "BackendTrafficPolicy")) {
            Map<String, Object> spec = (Map<String, Object>) policy.getAdditionalProperties().get("spec");
            List<Map<String, Object>> targets = (List<Map<String, Object>>) spec.getOrDefault("targetRefs", List.of());
            boolean targetsGateway = targets.stream()
                    .anyMatch(target -> "Gateway".equals(target.get("kind"))
                            && gateway.getMetadata().getName().equals(target.get("name")));
            Map<String, Object> buffer = (Map<String, Object>) spec.get("requestBuffer");
            if (targetsGateway && buffer != null && buffer.get("limit") != null) {
                return true;
            }
        }
        return false;
    }
}
