package io.backorder.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Every image is pinned: by digest, or by an explicit tag other than "latest". */
final class ImageCheck implements Check {

    @Override
    public List<String> violations(Manifest manifest) {
        List<String> violations = new ArrayList<>();
        for (Manifest.Workload workload : manifest.workloads()) {
            for (Container container : workload.allContainers()) {
                check(workload.id() + " container " + container.getName(), container.getImage(), violations);
            }
        }
        for (GenericKubernetesResource cluster : manifest.custom(Manifest.CNPG, "Cluster")) {
            Object imageName = ((Map<?, ?>) cluster.getAdditionalProperties().get("spec")).get("imageName");
            check(Manifest.id(cluster), imageName == null ? null : imageName.toString(), violations);
        }
        return violations;
    }

    private static void check(String where, String image, List<String> violations) {
        if (image == null || image.isBlank()) {
            violations.add(where + " names no image (an operator default is not pinned)");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int colon = image.lastIndexOf(':');
        String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            violations.add(where + " uses " + image + ": pin a tag or digest");
        }
    }
}
