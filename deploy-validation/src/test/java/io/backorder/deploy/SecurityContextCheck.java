package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;

/**
 * Every pod meets the "restricted" Pod Security Standard and more: non-root, read-only root file system, no
 * privilege escalation, all capabilities dropped, RuntimeDefault seccomp, no host namespaces, no API token.
 */
final class SecurityContextCheck implements Check {

    private static final Set<String> SECCOMP_TYPES = Set.of("RuntimeDefault", "Localhost");

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Manifest.Workload workload : manifest.workloads()) {
            var pod = workload.pod();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext())
                    .orElseGet(PodSecurityContext::new);
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                violations.add(workload.id() + " uses a host namespace");
            }
            if (!tokenless(manifest, pod)) {
                violations.add(workload.id() + " mounts a service account token");
            }
            for (Container container : workload.allContainers()) {
                String where = workload.id() + " container " + container.getName();
                SecurityContext context = Optional.ofNullable(container.getSecurityContext())
                        .orElseGet(SecurityContext::new);
                Boolean nonRoot = context.getRunAsNonRoot() != null
                        ? context.getRunAsNonRoot()
                        : podContext.getRunAsNonRoot();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    violations.add(where + " may run as root (runAsNonRoot is not true)");
                }
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                if (user != null && user == 0) {
                    violations.add(where + " runs as user 0");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    violations.add(where + " has a writable root file system");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    violations.add(where + " allows privilege escalation");
                }
                if (Boolean.TRUE.equals(context.getPrivileged())) {
                    violations.add(where + " is privileged");
                }
                var capabilities = context.getCapabilities();
                if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
                    violations.add(where + " does not drop all capabilities");
                } else if (!capabilities.getAdd().isEmpty()) {
                    violations.add(where + " adds capabilities " + capabilities.getAdd());
                }
                var seccomp = context.getSeccompProfile() != null
                        ? context.getSeccompProfile()
                        : podContext.getSeccompProfile();
                if (seccomp == null || !SECCOMP_TYPES.contains(seccomp.getType())) {
                    violations.add(where + " has no RuntimeDefault seccomp profile");
                }
            }
        }
        return violations;
    }

    /** No token unless the pod or its service account explicitly refuses it. */
    private static boolean tokenless(Manifest manifest, io.fabric8.kubernetes.api.model.PodSpec pod) {
        if (pod.getAutomountServiceAccountToken() != null) {
            return !pod.getAutomountServiceAccountToken();
        }
        String account = pod.getServiceAccountName() == null ? "default" : pod.getServiceAccountName();
        return manifest.named(ServiceAccount.class, account)
                .map(serviceAccount -> Boolean.FALSE.equals(serviceAccount.getAutomountServiceAccountToken()))
                .orElse(false);
    }
}
