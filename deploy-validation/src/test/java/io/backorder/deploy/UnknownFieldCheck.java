package io.backorder.deploy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * No field the Kubernetes API does not know (a typo such as {@code securityContex} is silently dropped by the API
 * server, and the JSON schemas allow it). The fabric8 model keeps every field it does not know in
 * {@code additionalProperties}: it must be empty everywhere. Custom resources without a model are skipped here
 * (DatabaseCheck and GatewayCheck read theirs).
 */
final class UnknownFieldCheck implements Check {

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        manifest.objects()
                .stream()
                .filter(object -> !(object instanceof GenericKubernetesResource))
                .forEach(object -> walk(object, Manifest.id(object), violations));
        return violations;
    }

    private static void walk(Object value, String path, List<String> violations) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "." + key, violations));
        } else if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", violations);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    if (field.getName().equals("additionalProperties")) {
                        Map<?, ?> unknown = (Map<?, ?>) read(field, value);
                        if (unknown != null && !unknown.isEmpty()) {
                            violations.add(path + ": unknown field(s) " + unknown.keySet());
                        }
                    } else if (field.isAnnotationPresent(JsonProperty.class)) {
                        walk(read(field, value), path + "." + field.getAnnotation(JsonProperty.class).value(),
                                violations);
                    }
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }
}
