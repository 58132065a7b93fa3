package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Deny by default, then exactly the paths the architecture needs: DNS for everyone; every Service reachable on its
 * target ports by someone; every suite service able to reach a database and the broker; policies that open a
 * port of a pod name a port the pod has.
 */
final class NetworkPolicyCheck implements Check {

    private static final int POSTGRES = 5432;
    private static final int AMQP = 5672;

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        List<NetworkPolicy> policies = manifest.all(NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(NetworkPolicyCheck::isDefaultDeny);
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy (empty pod selector, Ingress and Egress, no rules)");
        }
        boolean dns = policies.stream()
                .anyMatch(policy -> selectsAll(policy) && policy.getSpec()
                        .getEgress()
                        .stream()
                        .anyMatch(rule -> rule.getPorts().stream().anyMatch(port -> isPort(port, 53, "UDP"))));
        if (!dns) {
            violations.add("no NetworkPolicy lets every pod resolve names (UDP 53)");
        }
        for (Service service : manifest.all(Service.class)) {
            for (Manifest.Workload workload : manifest.workloads()) {
                if (!Manifest.selects(service.getSpec().getSelector(), workload.podLabels())) {
                    continue;
                }
                for (ServicePort servicePort : service.getSpec().getPorts()) {
                    IntOrString target = servicePort.getTargetPort() != null
                            ? servicePort.getTargetPort()
                            : new IntOrString(servicePort.getPort());
                    var containerPort = workload.port(target);
                    if (containerPort.isPresent() && !ingressAllowed(policies, workload, containerPort.get()
                            .getContainerPort(), containerPort.get().getName())) {
                        violations.add(Manifest.id(service) + " port " + servicePort.getName() + ": no NetworkPolicy"
                                + " lets anything reach " + workload.id() + " on " + target.getValue());
                    }
                }
            }
        }
        for (Manifest.Workload workload : manifest.suiteServices()) {
            for (int port : List.of(POSTGRES, AMQP)) {
                if (!egressAllowed(policies, workload, port)) {
                    violations.add(workload.id() + ": no NetworkPolicy lets it reach port " + port
                            + (port == POSTGRES ? " (its database)" : " (the broker)"));
                }
            }
        }
        for (NetworkPolicy policy : policies) {
            for (Manifest.Workload workload : manifest.workloads()) {
                if (!Manifest.selects(policy.getSpec().getPodSelector(), workload.podLabels())) {
                    continue;
                }
                policy.getSpec()
                        .getIngress()
                        .stream()
                        .flatMap(rule -> rule.getPorts().stream())
                        .filter(port -> port.getPort() != null && workload.port(port.getPort()).isEmpty())
                        .forEach(port -> violations.add(Manifest.id(policy) + " opens port "
                                + port.getPort().getValue() + " of " + workload.id() + ", which has no such port"));
            }
        }
        return violations;
    }

    private static boolean isDefaultDeny(NetworkPolicy policy) {
        var spec = policy.getSpec();
        return selectsAll(policy) && spec.getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && spec.getIngress().isEmpty() && spec.getEgress().isEmpty();
    }

    private static boolean selectsAll(NetworkPolicy policy) {
        var selector = policy.getSpec().getPodSelector();
        return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && selector.getMatchExpressions().isEmpty();
    }

    private static boolean ingressAllowed(List<NetworkPolicy> policies, Manifest.Workload workload, int port,
            String portName) {
        return policies.stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains("Ingress")
                        && Manifest.selects(policy.getSpec().getPodSelector(), workload.podLabels()))
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> rule.getPorts().isEmpty() || rule.getPorts()
                        .stream()
                        .anyMatch(allowed -> allowed.getPort() != null && (Objects.equals(allowed.getPort()
                                .getIntVal(), port) || Objects.equals(allowed.getPort().getStrVal(), portName))));
    }

    private static boolean egressAllowed(List<NetworkPolicy> policies, Manifest.Workload workload, int port) {
        return policies.stream()
                .filter(policy -> policy.getSpec().getPolicyTypes().contains("Egress")
                        && Manifest.selects(policy.getSpec().getPodSelector(), workload.podLabels()))
                .flatMap(policy -> policy.getSpec().getEgress().stream())
                .anyMatch(rule -> rule.getPorts().stream().anyMatch(allowed -> isPort(allowed, port, "TCP")));
    }

    private static boolean isPort(NetworkPolicyPort port, int number, String protocol) {
        String actual = port.getProtocol() == null ? "TCP" : port.getProtocol();
        return port.getPort() != null && Objects.equals(port.getPort().getIntVal(), number)
                && actual.equals(protocol);
    }
}
