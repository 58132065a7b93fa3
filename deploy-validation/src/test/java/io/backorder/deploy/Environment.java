package io.backorder.deploy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * The environment a suite service's container will get, as far as the manifest decides it: explicit variables
 * first (they win over envFrom), then the ConfigMaps and Secrets of envFrom, the later one winning.
 */
final class Environment {

    private final Manifest manifest;
    private final Container container;

    Environment(Manifest manifest, Manifest.Workload workload) {
        this.manifest = manifest;
        this.container = workload.pod().getContainers().get(0);
    }

    /** The variable will be set to something: a literal, or a key of a ConfigMap or Secret that will exist. */
    boolean provides(String name) {
        for (EnvVar variable : container.getEnv()) {
            if (variable.getName().equals(name)) {
                if (variable.getValueFrom() == null) {
                    return variable.getValue() != null && !variable.getValue().isEmpty();
                }
                var secretRef = variable.getValueFrom().getSecretKeyRef();
                var configMapRef = variable.getValueFrom().getConfigMapKeyRef();
                if (secretRef != null) {
                    return hasKey(manifest.secretKeys(secretRef.getName()), secretRef.getKey());
                }
                if (configMapRef != null) {
                    return hasKey(manifest.configMapKeys(configMapRef.getName()), configMapRef.getKey());
                }
                return true;
            }
        }
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (!name.startsWith(prefix)) {
                continue;
            }
            String key = name.substring(prefix.length());
            if (source.getSecretRef() != null
                    && hasKey(manifest.secretKeys(source.getSecretRef().getName()), key)) {
                return true;
            }
            if (source.getConfigMapRef() != null
                    && hasKey(manifest.configMapKeys(source.getConfigMapRef().getName()), key)) {
                return true;
            }
        }
        return false;
    }

    /** The variable's value where the manifest holds it (literals, rendered ConfigMaps and Secrets). */
    Optional<String> value(String name) {
        for (EnvVar variable : container.getEnv()) {
            if (variable.getName().equals(name)) {
                if (variable.getValueFrom() == null) {
                    return Optional.ofNullable(variable.getValue());
                }
                var configMapRef = variable.getValueFrom().getConfigMapKeyRef();
                var secretRef = variable.getValueFrom().getSecretKeyRef();
                if (configMapRef != null) {
                    return configMapValue(configMapRef.getName(), configMapRef.getKey());
                }
                return secretRef == null ? Optional.empty() : secretValue(secretRef.getName(), secretRef.getKey());
            }
        }
        Optional<String> found = Optional.empty();
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (!name.startsWith(prefix)) {
                continue;
            }
            String key = name.substring(prefix.length());
            Optional<String> value = source.getConfigMapRef() != null
                    ? configMapValue(source.getConfigMapRef().getName(), key)
                    : secretValue(source.getSecretRef().getName(), key);
            if (value.isPresent()) {
                found = value;
            }
        }
        return found;
    }

    private Optional<String> configMapValue(String configMap, String key) {
        return manifest.named(ConfigMap.class, configMap)
                .map(ConfigMap::getData)
                .map(data -> data.get(key));
    }

    private Optional<String> secretValue(String secret, String key) {
        return manifest.named(Secret.class, secret).flatMap(found -> {
            if (found.getStringData() != null && found.getStringData().containsKey(key)) {
                return Optional.of(found.getStringData().get(key));
            }
            return Optional.ofNullable(found.getData())
                    .map(data -> data.get(key))
                    .map(encoded -> new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        });
    }

    private static boolean hasKey(Optional<Set<String>> keys, String key) {
        return keys.map(present -> present.contains(key)).orElse(false);
    }
}
