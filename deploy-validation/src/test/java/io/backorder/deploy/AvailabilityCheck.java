package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Every suite service is autoscaled and protected by a disruption budget, its rollouts never lower capacity, and
 * where the autoscaler may change the replica count the Deployment does not fix one.
 */
final class AvailabilityCheck implements Check {

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Manifest.Workload workload : manifest.suiteServices()) {
            Deployment deployment = (Deployment) workload.owner();
            Optional<HorizontalPodAutoscaler> autoscaler = manifest.all(HorizontalPodAutoscaler.class)
                    .stream()
                    .filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                            && workload.name().equals(hpa.getSpec().getScaleTargetRef().getName()))
                    .findFirst();
            if (autoscaler.isEmpty()) {
                violations.add(workload.id() + " has no HorizontalPodAutoscaler");
            } else {
                int min = Optional.ofNullable(autoscaler.get().getSpec().getMinReplicas()).orElse(1);
                int max = autoscaler.get().getSpec().getMaxReplicas();
                if (min > max) {
                    violations.add(Manifest.id(autoscaler.get()) + " has minReplicas above maxReplicas");
                }
                if (min < max && deployment.getSpec().getReplicas() != null) {
                    violations.add(workload.id() + " sets replicas although its autoscaler scales it: every apply"
                            + " would reset the scale");
                }
            }
            boolean budgeted = manifest.all(PodDisruptionBudget.class)
                    .stream()
                    .anyMatch(pdb -> Manifest.selects(pdb.getSpec().getSelector(), workload.podLabels()));
            if (!budgeted) {
                violations.add(workload.id() + " has no PodDisruptionBudget");
            }
            var strategy = deployment.getSpec().getStrategy();
            var unavailable = strategy == null || strategy.getRollingUpdate() == null
                    ? null
                    : strategy.getRollingUpdate().getMaxUnavailable();
            if (unavailable == null || !List.of(0, "0", "0%").contains(unavailable.getValue())) {
                violations.add(workload.id() + " may lose capacity during a rollout (maxUnavailable is not 0)");
            }
        }
        return violations;
    }
}
