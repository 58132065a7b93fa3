package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * Every configuration key a service needs (see {@link RequiredConfig}) reaches its container, as an environment
 * variable of its own or from a ConfigMap or Secret that exists and holds it; a key file it is told to read is
 * mounted where the configuration says.
 */
final class RequiredConfigCheck implements Check {

    static final String PUBLIC_KEY_LOCATION = "mp.jwt.verify.publickey.location";

    private final Map<String, List<RequiredConfig.Requirement>> requirements;

    RequiredConfigCheck(Map<String, List<RequiredConfig.Requirement>> requirements) {
        this.requirements = requirements;
    }

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        requirements.forEach((service, required) -> {
            Optional<Manifest.Workload> workload = manifest.suiteService(service);
            if (workload.isEmpty()) {
                violations.add(service + " is not deployed");
                return;
            }
            Environment environment = new Environment(manifest, workload.get());
            for (RequiredConfig.Requirement requirement : required) {
                if (requirement.environmentNames().stream().noneMatch(environment::provides)) {
                    violations.add(service + " gets no " + String.join(" or ", requirement.environmentNames())
                            + " (needed because " + requirement.reason() + ")");
                }
            }
            for (RequiredConfig.WhenSelected selected : RequiredConfig.SELECTED_PROVIDERS) {
                boolean chosen = environment.value(RequiredConfig.environmentName(selected.key()))
                        .map(value -> value.toLowerCase(Locale.ROOT).equals(selected.value()))
                        .orElse(false);
                for (String key : chosen ? selected.required() : List.<String>of()) {
                    if (!environment.provides(RequiredConfig.environmentName(key))) {
                        violations.add(service + " gets no " + RequiredConfig.environmentName(key) + " (needed because "
                                + selected.key() + "=" + selected.value() + ")");
                    }
                }
            }
            environment.value(RequiredConfig.environmentName(PUBLIC_KEY_LOCATION))
                    .filter(location -> !location.startsWith("http"))
                    .map(location -> location.startsWith("file:") ? location.substring("file:".length()) : location)
                    .filter(path -> !mounted(manifest, workload.get(), path))
                    .ifPresent(path -> violations.add(service + " reads its token key from " + path
                            + ", where no ConfigMap or Secret key is mounted"));
        });
        return violations;
    }

    private static boolean mounted(Manifest manifest, Manifest.Workload workload, String path) {
        for (VolumeMount mount : workload.pod().getContainers().get(0).getVolumeMounts()) {
            String directory = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            if (!path.startsWith(directory)) {
                continue;
            }
            String file = path.substring(directory.length());
            Optional<Volume> volume = workload.pod()
                    .getVolumes()
                    .stream()
                    .filter(candidate -> candidate.getName().equals(mount.getName()))
                    .findFirst();
            if (volume.isPresent() && volume.get().getConfigMap() != null) {
                if (manifest.named(ConfigMap.class, volume.get().getConfigMap().getName())
                        .map(configMap -> configMap.getData() != null && configMap.getData().containsKey(file))
                        .orElse(false)) {
                    return true;
                }
            }
            if (volume.isPresent() && volume.get().getSecret() != null) {
                if (manifest.named(Secret.class, volume.get().getSecret().getSecretName())
                        .map(secret -> secret.getData() != null && secret.getData().containsKey(file))
                        .orElse(false)) {
                    return true;
                }
            }
        }
        return false;
    }
}
