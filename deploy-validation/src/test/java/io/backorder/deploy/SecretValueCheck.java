package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;

/** Credentials travel in Secrets only: never as a literal environment value, never in a ConfigMap. */
final class SecretValueCheck implements Check {

    static final Pattern SENSITIVE = Pattern.compile(
            "(?i).*(password|passwd|secret|token|api[_-]?key|private[_-]?key|credential).*");

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Manifest.Workload workload : manifest.workloads()) {
            for (Container container : workload.allContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    if (SENSITIVE.matcher(variable.getName()).matches() && variable.getValueFrom() == null) {
                        violations.add(workload.id() + " container " + container.getName() + " sets "
                                + variable.getName() + " to a literal value: take it from a Secret");
                    }
                }
            }
        }
        for (ConfigMap configMap : manifest.all(ConfigMap.class)) {
            if (configMap.getData() == null) {
                continue;
            }
            configMap.getData()
                    .keySet()
                    .stream()
                    .filter(key -> SENSITIVE.matcher(key).matches())
                    .forEach(key -> violations.add(Manifest.id(configMap) + " holds " + key + ": put it in a Secret"));
        }
        return violations;
    }
}
